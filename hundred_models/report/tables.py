"""Tables a reader sees: human headers with units, numbers formatted for reading, names instead of ids, sources as links.

A chapter describes each table it shows as a list of :class:`Col` (which column, its header in
English and Chinese, how to format it) and calls :func:`present`. The result is a
:class:`~hundred_models.report.notebook.Table`: deterministic HTML (pandas' Styler without ids or
styles), so nbval can keep comparing it, and the same in both editions but for the words.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from .notebook import Table
from .phrases import date_text

def _missing(value) -> bool:
    if isinstance(value, str):
        return not value
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def parameters_text(value, lang: str = "en") -> str:
    """175 B / 1750亿: a parameter count as readers say it."""
    from .style import short_number

    return "" if _missing(value) else short_number(float(value), lang)


def count_text(value, lang: str = "en") -> str:
    return "" if _missing(value) else f"{float(value):,.0f}"


def percent_text(value, lang: str = "en") -> str:
    """20.5% with one decimal where it matters, 21% where it does not."""
    if _missing(value):
        return ""
    value = float(value)
    return f"{value:.0f}%" if abs(value) >= 10 or value == int(value) else f"{value:.1f}%"


def usd_text(value, lang: str = "en") -> str:
    """12 million US dollars / 1200万美元."""
    if _missing(value):
        return ""
    return f"{parameters_words(value, lang)}美元" if lang == "zh" else f"{parameters_words(value, lang)} US dollars"


def months_text(value, lang: str = "en") -> str:
    if _missing(value):
        return ""
    value = float(value)
    shown = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{shown}个月" if lang == "zh" else f"{shown} months"


def yes_no(value, lang: str = "en") -> str:
    if _missing(value):
        return ""
    return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")


def source_text(value, lang: str = "en") -> str:
    """'000, 003' for source ids, '004-028' kept as is for claim ids: short, and defined in Methods."""
    if _missing(value):
        return ""
    ids = [s for s in str(value).split("|") if s]
    return ", ".join(s[:3] if "_" in s else s for s in ids)


FORMATS: dict[str, Callable] = {
    "text": lambda v, lang: "" if _missing(v) else str(v),
    "date": date_text, "parameters": parameters_text, "count": count_text, "percent": percent_text,
    "usd": usd_text, "months": months_text, "bool": yes_no, "sources": source_text,
}


@dataclass(frozen=True)
class Col:
    """One column as a reader sees it: the data column, its header in each language, how its values read."""

    key: str
    en: str
    zh: str
    kind: str = "text"
    #: For kind "name": entity id -> (English name, Chinese name); built by the chapter from the entities table.
    #: For kind "label": code -> (English words, Chinese words); see the vocabularies below.
    names: dict | None = None

    def header(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en

    def render(self, value, lang: str) -> str:
        if self.kind == "label":
            if _missing(value):
                return ""
            en, zh = self.names.get(str(value), (str(value), str(value)))
            return zh if lang == "zh" else en
        if self.kind == "name":
            ids = [] if _missing(value) else [v for v in str(value).split("|") if v]
            return "、".join(self.names.get(i, (i, i))[1] or i for i in ids) if lang == "zh" else \
                ", ".join(self.names.get(i, (i, i))[0] or i for i in ids)
        return FORMATS[self.kind](value, lang)


def present(frame: pd.DataFrame, columns: list[Col], name: str, lang: str = "en") -> Table:
    """The table a reader sees: only the listed columns, with their headers and formatting."""
    missing = [c.key for c in columns if c.key not in frame.columns]
    if missing:
        raise KeyError(f"table {name!r}: no column {missing[0]!r} in the data")
    out = pd.DataFrame({c.header(lang): [c.render(v, lang) for v in frame[c.key]] for c in columns})
    return Table(out, name)


def entity_names(entities: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """entity id -> (English name, Chinese name or the English one), for columns of kind 'name'."""
    return {r["entity_id"]: (r["name_en"], r["name_zh"] if isinstance(r["name_zh"], str) and r["name_zh"]
                             else r["name_en"]) for r in entities.to_dict("records")}


#: Words for the codes the clean tables use, in both languages (kind "label").
UNITS = {"model": ("model", "模型"), "family": ("family", "模型系列"), "product": ("product", "产品"),
         "architecture": ("architecture", "架构")}
GROUPS = {"China": ("China", "中国"), "Outside China": ("Outside China", "中国以外"),
          "Multinational": ("Multinational", "跨国")}
VERDICTS = {"agrees": ("agrees", "一致"), "differs": ("differs", "不一致"), "no_reference": ("no reference", "无对照")}
ARCHITECTURES = {"dense": ("dense", "稠密"), "moe": ("sparse mixture-of-experts", "稀疏混合专家"),
                 "unknown": ("unknown", "未知")}
BASES = {"articles": ("the articles", "文章"), "epoch": ("Epoch AI", "Epoch AI"),
         "articles+epoch": ("the articles, exact value from Epoch AI", "文章（精确值取自Epoch AI）")}
ATTRIBUTES = {"parameters": ("parameters", "参数量"), "release_date": ("release date", "发布日期")}


# --- Words for prose and tables in both languages (chapters 1-3) ---

def name_list(names: list[str], lang: str = "en") -> str:
    """'A', 'A and B', 'A, B and C' / 'A和B', 'A、B和C': a list of names as prose writes it."""
    names = [str(n) for n in names]
    if len(names) < 2:
        return "".join(names)
    if lang == "zh":
        return "、".join(names[:-1]) + "和" + names[-1]
    return " and ".join(names) if len(names) == 2 else ", ".join(names[:-1]) + " and " + names[-1]


def parameters_words(value, lang: str = "en") -> str:
    """'540 billion', '1 trillion' / '5403.5亿', '1万亿': a large number as running text says it."""
    from .style import short_number

    if _missing(value):
        return ""
    value = float(value)
    if lang == "zh":
        return short_number(value, "zh")
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.3g} {word}"
    return f"{value:,.0f}"


def figure_text(value, lang: str = "en") -> str:
    """A plain figure for running text: '540,350,000,000' / '5403.5亿' (万 and 亿 from ten thousand up in Chinese)."""
    from .style import short_number

    if _missing(value):
        return ""
    value = float(value)
    if lang == "zh" and abs(value) >= 1e4:
        return short_number(value, "zh")
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def reader_names(entities: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """entity id -> (English name, Chinese name), where an entity without a Chinese full name takes its Chinese short
    form (山海（医疗）, 商汤视觉模型) before its English name: the names a table shows in each edition."""
    out = {}
    for r in entities.to_dict("records"):
        zh = r["name_zh"] if isinstance(r["name_zh"], str) and r["name_zh"] and r["name_zh"] != r["name_en"] else None
        out[r["entity_id"]] = (r["name_en"], zh or (r["short_zh"] if isinstance(r["short_zh"], str) and r["short_zh"]
                                                    else r["name_en"]))
    return out


#: Hedges printed with a figure (claims and facts qualifier; model_counts qualifier), as a table shows them.
QUALIFIERS = {"exactly": ("as printed", "确数"), "about": ("about", "约"), "more_than": ("more than", "超过"),
              "at_least": ("at least", "至少"), "nearly": ("nearly", "近"), "up_to": ("up to", "高达"),
              "less_than": ("less than", "不到"), "at_most": ("at most", "不超过"), "several": ("several", "数"),
              "range": ("range", "范围"), "order": ("order of magnitude", "量级")}
#: What kind of statement a claim is (claims.status); empty is a reported fact.
STATUSES = {"planned": ("plan", "计划"), "vendor_projection": ("vendor projection", "厂商预计"),
            "projection": ("projection", "预计"), "estimate": ("estimate", "估算"), "forecast": ("forecast", "预测"),
            "our_reading": ("our reading of a link the article leaves implicit", "我们对文章隐含关联的解读"),
            "vendor_report": ("vendor report", "厂商报告")}
#: The articles' three kinds of player (organisations.org_kind) and who put an organisation in its kind.
ORG_KINDS = {"giant": ("Giant", "巨头"), "ai_company": ("AI company", "人工智能公司"),
             "research": ("Research institute or university", "科研院所"),
             "international": ("International", "国外机构"), "other": ("Other", "其他")}
KIND_BASES = {"article": ("article 004", "文章004"), "ours": ("our classification", "我们归类")}
SECTORS = {"internet": ("internet", "互联网"), "telecom": ("telecoms", "电信"), "hardware": ("hardware", "硬件"),
           "chips": ("chips", "芯片"), "ai": ("AI", "人工智能"), "software": ("software", "软件"),
           "research": ("research", "科研"), "government": ("government", "政府"), "finance": ("finance", "金融"),
           "analyst": ("analyst", "分析机构"), "nonprofit": ("non-profit", "非营利组织")}
#: How sure we are of a published count (model_counts.confidence) and how a count is measured.
CONFIDENCE = {"high": ("high", "高"), "medium": ("medium", "中"), "low": ("low", "低")}
MEASURES = {"cumulative": ("cumulative", "累计"), "per_year": ("per year", "每年")}
#: Industries an industry model or offer serves (verticals.industry).
INDUSTRIES = {"medicine": ("medicine", "医疗"), "government": ("government services", "政务"),
              "finance": ("finance", "金融"), "life_sciences": ("life sciences", "生命科学"),
              "education": ("education", "教育"), "manufacturing": ("manufacturing", "制造"), "media": ("media", "媒体"),
              "cross_industry": ("several industries", "跨行业"), "mobile": ("mobile phones", "手机"),
              "retail": ("retail", "零售"), "energy": ("energy", "能源"), "security": ("cybersecurity", "网络安全"),
              "legal": ("law", "法律"), "other": ("other", "其他")}


def link_text(value, lang: str = "en") -> str:
    """A short link for a table cell: value is (text, address); without an address, the text alone."""
    import html

    text, url = value if isinstance(value, tuple) else (value, None)
    if _missing(text):
        return ""
    if not isinstance(url, str) or not url:
        return html.escape(str(text))
    return f'<a href="{html.escape(url, quote=True)}">{html.escape(str(text))}</a>'


FORMATS["link"] = link_text


# ---------------------------------------------------------------- vocabularies of the compute and policy chapters
#: deployments.csv status (kind "label"); the same words as the compute chart's legend.
DEPLOYMENT_STATUS = {"ordered": ("ordered", "已订购"), "delivered": ("delivered", "已交付"),
                     "reported": ("in use (reported)", "已投用（报道）"), "planned": ("planned", "计划中"),
                     "ceiling": ("largest configuration offered", "可提供的最大配置")}
#: policies.csv level.
POLICY_LEVELS = {"national": ("national", "全国"), "local": ("local", "地方"),
                 "international": ("international", "国际"), "industry": ("industry", "行业")}
#: The four dates of a rule (policy-timeline stage); the same words as the policy chart's legend.
POLICY_STAGES = {"draft_date": ("draft for comment", "征求意见稿"), "adopted_date": ("adopted", "审议通过"),
                 "published_date": ("published", "公布"), "effective_date": ("takes effect", "施行")}
#: Where a date in the policy timeline comes from (events.csv origin).
DATE_ORIGINS = {"articles": ("article", "文章"), "external": ("official document", "官方文件")}
#: discrepancies.csv kind: what is wrong, in a few words.
DISCREPANCY_KINDS = {
    "misstated_value": ("misstated figure", "数字有误"), "double_count": ("counted twice", "重复计数"),
    "possible_double_count": ("possibly counted twice", "可能重复计数"),
    "sparse_vs_dense": ("sparse total set beside dense counts", "稀疏总参数与稠密参数量并列"),
    "sum_mismatch": ("parts do not add up", "分项与总数不符"), "date_conflict": ("conflicting dates", "日期冲突"),
    "time_zone": ("date in another time zone", "时区不同的日期"), "vague_reference": ("vague reference", "指代含糊"),
    "wrong_attribution": ("wrongly attributed", "归属错误"), "incomplete_attribution": ("developers left out", "开发机构不全"),
    "misnamed": ("wrong name", "名称有误"), "misdescribed": ("wrongly described", "描述有误"),
    "misquoted": ("restated with another meaning", "转述改变原意"), "outdated": ("soon outdated", "很快过时"),
    "estimate_differs": ("estimate differs", "估算不同"), "disputed_value": ("what the figure measures is disputed", "数字口径有争议"),
}
#: discrepancies.csv kind for the findings the build itself records, beside the curated kinds above.
BUILD_KINDS = {"conflict": ("conflicting values", "数值冲突"), "epoch_mismatch": ("differs from Epoch AI", "与Epoch AI不符")}
#: discrepancies.csv detected_by.
DETECTED_BY = {"build": ("build", "构建过程"), "reader": ("reader", "读者"),
               "build and reader": ("build and reader", "构建过程和读者")}
#: claims.csv attribute of the policy claims (theme policy): what the article says about its subject.
POLICY_ATTRIBUTES = {
    "backs_company": ("backs the company", "支持企业"), "called_for_ai_regulation": ("called for AI rules", "呼吁AI立法监管"),
    "calls_for_safety_protocols": ("calls for shared safety protocols", "呼吁共享安全规程"),
    "chairman_of": ("chairman of", "董事长"), "covers_year": ("covers the year", "所涉年份"),
    "draft_date": ("draft released", "征求意见稿发布"), "effective_date": ("takes effect", "施行"),
    "event_date": ("held", "举行"), "issued_by": ("issued by", "发布机构"), "listed_in": ("listed in", "列入"),
    "not_yet_public": ("not yet public", "尚未公开"), "pause_months": ("pause asked for", "要求暂停时长"),
    "planned_submission_date": ("to be submitted", "计划提请审议"), "proposal_at": ("made a proposal at", "提出建议于"),
    "published_date": ("published", "公布"), "requires_algorithm_filing": ("requires algorithm filing", "要求算法备案"),
    "requires_algorithm_filing_under": ("algorithm filing required under", "算法备案依据"),
    "requires_security_assessment_under": ("security assessment required under", "安全评估依据"),
    "signatories": ("signatories", "签名人数"), "signed": ("signed", "签名"), "target_date": ("target year", "目标年份"),
    "to_be_submitted_to": ("to be submitted to", "提请审议机关"), "vice_dean_at": ("vice dean at", "副院长"),
}
#: What the compute chapter's articles say about a domestic chip or chip maker (claims.csv attribute).
CHIP_CLAIMS = {"developed_by": ("own chip of an internet company", "互联网公司自研芯片"),
               "makes_general_gpus": ("new general-purpose GPU company", "新兴通用GPU企业"),
               "compute_efficiency_approach": ("promotes compute-in-memory designs", "推广存算一体设计")}
#: Chip makers as analysis.chip_maker names them (the hardware Epoch AI records).
CHIP_MAKERS = {"NVIDIA": ("NVIDIA", "英伟达"), "Huawei": ("Huawei", "华为"), "Google": ("Google", "谷歌"),
               "Baidu (Kunlun)": ("Baidu (Kunlun)", "百度（昆仑）"), "Cambricon": ("Cambricon", "寒武纪"),
               "Hygon": ("Hygon", "海光"), "AMD": ("AMD", "AMD"), "Other": ("other", "其他")}
