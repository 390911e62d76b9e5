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


#: What a claim or fact says about its subject (claims.csv and external_facts.csv attribute), in Chinese, for the
#: Chinese edition's tables; the English editions show the attribute's own words ("release_date": release date).
ATTRIBUTE_WORDS_ZH: dict[str, str] = {
    "academician_of": "院士", "accepts_image_input": "接受图像输入", "active_in_large_models": "布局大模型",
    "adopted_by_many_chinese_llms": "为许多中国大模型所采用", "adopted_date": "审议通过日期",
    "ai_team_founded_date": "AI团队组建日期", "ai_team_size": "AI团队人数", "ai_training_chip_share": "AI训练芯片市场份额",
    "aigc_application": "AIGC应用", "announce_date": "宣布日期", "api_open_date": "API开放日期", "architecture": "架构",
    "architecture_description": "架构描述", "arms_race_date": "进入“军备竞赛”阶段的时间", "backed_by": "支持方",
    "backs_company": "支持的企业", "benchmark_baseline": "测试基线", "benchmark_datasets": "测试数据集数量",
    "benchmark_tasks": "测试任务数量", "board_member_of": "理事会成员", "boom_date": "爆火时间", "breakout_year": "爆发年份",
    "builds_general_model": "研发通用模型", "built_date": "建成日期", "built_for": "服务对象",
    "called_for_ai_regulation": "呼吁AI立法监管", "calls_for_safety_protocols": "呼吁共享安全规程", "cfo_of": "首席财务官",
    "chairman_of": "董事长", "chip": "芯片", "claimed_first": "号称首个", "commercialisation_date": "商业化时间",
    "competitor": "竞争对手", "compute_doubling_months": "算力翻倍时间", "compute_efficiency_approach": "提升算力效率的途径",
    "compute_platform": "算力平台", "consultation_time_saved": "问诊时间节约", "cost": "成本", "count": "数量",
    "count_date": "统计日期", "covers_industry": "覆盖行业", "covers_year": "所涉年份", "cto_of": "首席技术官",
    "demand_exceeds_expectations": "需求超出预期", "developed_by": "开发机构", "development_start_date": "开始筹划日期",
    "doubling_months": "翻倍时间", "downstream_data_share": "下游数据占比", "draft_date": "征求意见稿发布日期",
    "duration": "持续时间", "effective_date": "施行日期", "emr_entry_efficiency_gain": "病历录入效率提升",
    "enters_llm_race": "进入大模型赛道", "error_reduction_classification": "错误率降幅（分类）",
    "error_reduction_depth": "错误率降幅（深度估计）", "error_reduction_detection": "错误率降幅（检测）",
    "error_reduction_segmentation": "错误率降幅（分割）", "event_date": "举行日期", "example_base_model": "基础模型示例",
    "expert_committee_member": "专家委员会委员", "first_chatgpt_like_in_china": "国内首个类ChatGPT产品",
    "first_stage": "第一阶段", "focus_modality": "主攻模态", "forecast_by": "预测机构", "forecast_date": "预测年份",
    "forecasts_compute_demand": "预测算力需求", "former_role_at": "曾任职于", "former_vice_president_of": "曾任副总裁",
    "founded_date": "成立日期", "founder_chairman_ceo_of": "创始人、董事长兼首席执行官", "founder_of": "创始人",
    "genes_measured": "测量基因数", "gpu_count": "GPU数量", "high_error_cost": "出错代价高", "industries": "行业数量",
    "intelligence_doubling_months": "智能翻倍时间", "introduced_by": "提出者", "investment": "投资额", "issued_by": "发布机构",
    "kinds": "类别数", "largest_visual_language_model": "最大的视觉语言模型", "launch_date": "上线日期", "listed_in": "列入",
    "llm_commitment_date": "表态构建自有大模型日期", "llm_team_date": "大模型团队组建日期",
    "mainstream_architecture_abroad": "国外主流架构", "makes_general_gpus": "研发通用GPU", "market_cap": "市值",
    "market_cap_first_above": "市值首次突破", "market_size": "市场规模", "max_cluster_gpus": "单集群最大GPU数量",
    "max_gpus_per_cluster": "单集群最大GPU数量", "min_parameters": "参数门槛", "modalities": "模态数量", "modality": "模态",
    "model_count": "模型数量", "models_added": "新增模型数量", "months_since_launch": "上线后月数",
    "nae_foreign_member": "美国国家工程院外籍院士", "nested_levels": "嵌套层级数", "no_llm_product_yet": "尚无大模型产品",
    "not_yet_public": "尚未公开", "on_device_focus": "侧重端侧", "open_source": "开源", "order_date": "下单日期",
    "ordered_by": "订购方", "outpatient_efficiency_gain": "门诊效率提升", "parameter_threshold": "参数门槛",
    "parameters": "参数量", "pause_months": "要求暂停时长", "planned_submission_date": "计划提请审议日期",
    "player_kind": "参与者类别", "pretraining_approach": "预训练路线", "pretraining_start_date": "开始预训练日期",
    "professor_at": "任教于", "proposal_at": "提出建议于", "proposed_by": "提出者", "proposed_date": "提出日期",
    "provided_by": "提供方", "public_release_date": "向公众开放日期", "published_date": "公布日期",
    "release_date": "发布日期", "reported_by": "报告方", "reported_date": "见报日期",
    "requires_algorithm_filing": "要求算法备案", "requires_algorithm_filing_under": "算法备案依据",
    "requires_security_assessment_under": "安全评估依据", "revenue": "收入", "revenue_2023_projection": "2023年收入预计",
    "runs_on": "基于", "scale_class": "量级", "scale_jump_from": "规模跃升起点", "scale_jump_to": "规模跃升终点",
    "scale_jump_years": "规模跃升用时", "scale_range_high": "规模范围上端", "scale_range_low": "规模范围下端",
    "second_stage": "第二阶段", "sequences": "序列数", "sequences_upper": "序列数上限", "share_drop_after_launch": "发布后股价下跌",
    "signatories": "签名人数", "signed": "签名", "signed_pause_letter": "签署暂停信", "solutions": "解决方案数量",
    "spokesperson_of": "代表", "stakes": "赌注规模", "strategy_principles": "战略原则数",
    "strategy_upgrade_date": "科技战略升级日期", "subsidiary_of": "隶属于", "supervision_signals": "监督信号数",
    "target_date": "目标年份", "team_added_in_training": "训练阶段新增人数", "team_preparation": "准备阶段人数",
    "team_total": "团队总人数", "third_stage": "第三阶段", "to_be_submitted_to": "提请审议机关",
    "ultra_large_start_date": "超大规模模型起步时间", "upgrade_date": "升级日期", "users": "用户数",
    "uses_models_of": "使用其模型", "validated_by_experiments": "经实验验证", "valuation": "估值",
    "vertical_models_landing": "垂直模型落地", "vice_dean_at": "副院长",
}


def attribute_words(attribute, lang: str = "en") -> str:
    """'release_date' -> 'release date' / '发布日期': what a claim says about its subject, for a table."""
    if attribute is None or attribute != attribute or attribute == "":
        return ""
    attribute = str(attribute)
    if lang == "zh":
        return ATTRIBUTE_WORDS_ZH.get(attribute, attribute)
    return attribute.replace("_", " ")
