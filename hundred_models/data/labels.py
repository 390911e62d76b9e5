"""Short English and Chinese labels for dated events, so the timeline reads the same in both languages.

Every date attribute used in claims.csv or external_facts.csv needs a label here; the build
stops with the file, row and column of a date claim whose attribute has none.
"""
from __future__ import annotations

#: attribute -> (English pattern, Chinese pattern); ``{name}`` is the subject's name in that language.
EVENT_LABELS: dict[str, tuple[str, str]] = {
    "release_date": ("{name} released", "{name}发布"),
    "announce_date": ("{name} announced", "{name}宣布"),
    "launch_date": ("{name} launched", "{name}上线"),
    "built_date": ("{name} completed", "{name}建成"),
    "founded_date": ("{name} founded", "{name}成立"),
    "upgrade_date": ("{name} upgraded", "{name}升级"),
    "reported_date": ("{name} reported", "{name}见报"),
    "draft_date": ("{name}: draft for comment", "{name}:征求意见稿"),
    "adopted_date": ("{name}: adopted", "{name}:审议通过"),
    "published_date": ("{name}: published", "{name}:公布"),
    "effective_date": ("{name}: takes effect", "{name}:施行"),
    "target_date": ("{name}: target year", "{name}:目标年份"),
    "planned_submission_date": ("{name}: planned submission", "{name}:预备提请审议"),
    "event_date": ("{name}", "{name}"),
    "order_date": ("{name}: orders placed", "{name}:下单"),
    "forecast_date": ("{name}: forecast year", "{name}:预测年份"),
    "count_date": ("{name}: counted", "{name}:统计时点"),
    "api_open_date": ("{name}: API to open (planned)", "{name}:计划开放API"),
    "ultra_large_start_date": ("Ultra-large models begin abroad", "国外超大规模预训练模型起步"),
    "arms_race_date": ("Model 'arms race' abroad", "国外进入“军备竞赛”阶段"),
    "breakout_year": ("Breakout year of Chinese large models", "中国AI大模型爆发年"),
    "commercialisation_date": ("Generative AI commercialised", "生成式AI走向商业化"),
    "pretraining_start_date": ("{name} starts pre-training large models", "{name}开展预训练大模型实践"),
    "llm_commitment_date": ("{name} commits to its own large model", "{name}表示将构建自有大模型"),
    "strategy_upgrade_date": ("{name} upgrades its technology strategy", "{name}科技战略升级"),
    "ai_team_founded_date": ("{name} forms an AI team", "{name}组建AI团队"),
    "llm_team_date": ("{name} forms a large-model team", "{name}组建大模型团队"),
    "development_start_date": ("{name}: development starts", "{name}开始筹划"),
    "covers_year": ("{name}: year covered", "{name}:涵盖年份"),
    "boom_date": ("{name} takes off", "{name}爆火"),
    "proposed_date": ("{name} proposed", "{name}提出"),
    "public_release_date": ("{name} opens to the public", "{name}向公众开放"),
}


def event_label(attribute: str, name: str, lang: str) -> str | None:
    """Label for an event, or None when the attribute has none (the build reports that)."""
    pattern = EVENT_LABELS.get(attribute)
    if pattern is None:
        return None
    return pattern[0 if lang == "en" else 1].format(name=name)
