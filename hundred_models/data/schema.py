"""The one description of every table: column types, units, meanings and constraints.

Validation (pandera), the Frictionless ``datapackage.json`` and the book's data
dictionary are all generated from these definitions, so they cannot drift apart.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

ID_PATTERN = r"^[a-z0-9][a-z0-9.\-]*$"
ISO_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
SOURCE_ID_PATTERN = r"^\d{3}_[0-9a-f]{16}$"

THEMES = ["history", "players", "vertical", "compute", "policy", "market"]
CLAIM_KINDS = ["number", "date", "named"]
#: Hedges printed with a figure: 约 about, 超过 more_than, 以上 at_least, 近 nearly, 高达 up_to, 不到 less_than,
#: 不过 at_most, 数 several, a range, and 级/量级/规模 order (of the order of: a scale class, not a count).
QUALIFIERS = ["about", "more_than", "at_least", "nearly", "up_to", "less_than", "at_most", "several", "range", "order"]
#: What each hedge says about the true value (the range it allows is computed by data.compare.interval).
QUALIFIER_MEANINGS = {
    "about": "approximately: the true value may lie a little either side",
    "more_than": "the true value is above the figure, by an unstated amount",
    "at_least": "the figure is a floor: the true value is the figure or more",
    "nearly": "almost: the true value is a little below the figure",
    "up_to": "the figure is a maximum: the true value is the figure or less",
    "less_than": "the true value is below the figure",
    "at_most": "no more than the figure (不过 before a figure): the true value is the figure or less",
    "several": "a few of the magnitude printed (数百万: several million): between one and ten times it",
    "range": "two figures printed as a range (三、四家): the true value lies between them",
    "order": "of the order of (级, 量级, 规模): a scale class from the magnitude printed up to ten times it, not a count",
}
QUALIFIER_MEANINGS_ZH = {
    "about": "大约：真实数值可能略高或略低于该数字",
    "more_than": "真实数值高于该数字，高出多少未说明",
    "at_least": "该数字是下限：真实数值等于或大于它",
    "nearly": "将近：真实数值略低于该数字",
    "up_to": "该数字是上限：真实数值等于或小于它",
    "less_than": "真实数值低于该数字",
    "at_most": "不超过该数字（数字前的“不过”）：真实数值等于或小于它",
    "several": "所印数量级的若干倍（数百万）：介于该数量级的1倍到10倍之间",
    "range": "以范围形式印出的两个数字（三、四家）：真实数值介于两者之间",
    "order": "数量级（级、量级、规模）：从所印数量级到其10倍的一个量级，而非具体数目",
}
#: Where a claim's qualifier comes from: the anchor itself (the default; empty means anchor), or a hedge elsewhere in
#: the sentence ("不过2亿美元": at most; joining the "万亿美元俱乐部": at least; "10亿级参数规模以上": at least).
QUALIFIER_BASES = ["anchor", "sentence"]
QUALIFIER_BASIS_MEANINGS = {
    "anchor": "the qualifier is what the printed figure itself says (its prefix or suffix); the build checks that "
              "the qualifier is exactly what the anchor parses to. An empty basis means anchor.",
    "sentence": "the hedge is elsewhere in the sentence (不过 'no more than' before the figure, joining a 'club', "
                "以上 after a scale word, 甚至 'or even'), so the qualifier may differ from what the anchor alone "
                "parses to; the note says which words carry it.",
}
QUALIFIER_BASIS_MEANINGS_ZH = {
    "anchor": "限定词就是所印数字本身表达的（其前缀或后缀）；构建过程检查限定词与锚点解析的结果完全一致。"
              "限定依据为空即表示anchor。",
    "sentence": "限定出现在句中别处（数字前的“不过”、加入某个“俱乐部”、量级词后的“以上”、“甚至”），因此限定词"
                "可能与单凭锚点解析的结果不同；备注说明由哪些词表达限定。",
}
#: What kind of statement a claim is, from its context (empty: a reported fact). Meanings are in STATUS_MEANINGS.
STATUSES = ["planned", "vendor_projection", "projection", "estimate", "forecast", "our_reading"]
#: A claim with no status: what the article reports as fact (a claim in the plain sense).
REPORTED_MEANING = "a fact the article reports as such (the claim in the plain sense): something said to have happened or to be so"
REPORTED_MEANING_ZH = "文章作为事实报道的内容（一般意义上的说法）：据称已经发生或确实如此的事"
STATUS_MEANINGS = {
    "planned": "something a party says it will do or aims for (a plan, target or promise), not yet done",
    "vendor_projection": "a figure a company projects for its own product (an expected gain, a coming size)",
    "estimate": "a figure estimated or quoted second-hand that the primary source does not state (e.g. a "
                "third party's count of GPUs or cost for training a model)",
    "projection": "a figure for a period still in progress or to come, projected by someone other than the company",
    "forecast": "a prediction about the future by an analyst, broker or research firm",
    "our_reading": "the article leaves the link implicit (figures matched to items by their order, a subject "
                   "carried over from another sentence, an example standing for a group); the claim records our "
                   "reading of it",
}
STATUS_MEANINGS_ZH = {
    "planned": "某方表示将要做或力求达到的事（计划、目标或承诺），尚未完成",
    "vendor_projection": "公司为自家产品预计的数字（预期的提升、即将达到的规模）",
    "estimate": "一手来源并未给出、经估算或二手转引的数字（例如第三方对GPU数量或模型训练成本的估算）",
    "projection": "由公司以外的人对仍在进行或尚未到来的时期作出的预计数字",
    "forecast": "分析师、券商或研究机构对未来的预测",
    "our_reading": "文章没有明说其中的关联（数字按顺序对应各项、主语承接自另一句、以一例代表一类）；"
                   "该说法记录的是我们的解读",
}
ORG_KINDS = ["giant", "ai_company", "research", "international", "other"]
ARCHITECTURES = ["dense", "moe", "unknown"]
SCOPES = ["general", "vertical"]
#: What a models.csv row names: one model, a family of models, a product built on models, or an architecture.
MODEL_UNITS = ["model", "family", "product", "architecture"]
MODEL_UNIT_MEANINGS = {
    "model": "one trained network, with its own size and date",
    "family": "a name covering several models or versions",
    "product": "a service or app built on models",
    "architecture": "a design, not trained weights",
}
MODEL_UNIT_MEANINGS_ZH = {
    "model": "一个训练好的网络，有自己的参数量和日期",
    "family": "涵盖多个模型或版本的名称",
    "product": "基于模型构建的服务或应用",
    "architecture": "一种设计，而非训练好的权重",
}
#: The counting rule: only rows whose unit is this are counted as models (a family is counted apart, as a family).
COUNTED_UNIT = "model"
OTHER_KINDS = ["chip", "person", "aggregate", "product", "place", "concept", "industry", "event"]
SECTORS = ["internet", "telecom", "hardware", "chips", "ai", "software", "research", "government", "finance",
           "analyst", "nonprofit"]
POLICY_LEVELS = ["national", "local", "international", "industry"]
#: ceiling: a cloud product's maximum configuration ("can scale up to N GPUs"), not an installed or ordered fleet.
DEPLOYMENT_STATUSES = ["ordered", "delivered", "planned", "reported", "ceiling"]
RELATIONS = ["copies_from", "shares_text_with"]
COUNTRY_GROUPS = ["China", "United States", "Rest of world", "Multinational", "Unknown"]
#: What a published count of Chinese models counted (model_count_definitions.csv describes each). The last is computed
#: by the build from Epoch AI's table and never typed into model_counts.csv.
COUNT_DEFINITIONS = ["announced_1b_params", "released_models_tally", "cac_filed_services", "local_registered_services",
                     "epoch_notable_chinese"]
COMPUTED_COUNT_DEFINITIONS = ["epoch_notable_chinese"]
#: Hedge on a published count: exactly as printed, about, more than (超过), at least (以上). The last two are lower bounds.
COUNT_QUALIFIERS = ["exactly", "about", "more_than", "at_least"]
LOWER_BOUND_QUALIFIERS = ["more_than", "at_least"]
COUNT_CONFIDENCE = ["high", "medium", "low"]
COUNT_ID_PATTERN = r"^c\d{3}$"
URL_PATTERN = r"^https?://\S+$"


@dataclass(frozen=True)
class Field:
    """One column: its type, unit, meaning and the checks it must pass."""

    name: str
    type: str  # string | integer | number | boolean | date (ISO text, partial allowed)
    description: str
    unit: str = ""
    required: bool = True
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    list_sep: str | None = None  # multi-valued text column, values separated by this
    references: str | None = None  # "table.column" foreign key (each listed value must exist)
    #: The meaning in Chinese (our own translation of ``description``), for the Chinese edition's data dictionary.
    description_zh: str = ""

    def doc(self, lang: str = "en") -> str:
        """The column's meaning in ``lang``."""
        return self.description_zh if lang == "zh" else self.description


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str | None = None
    license: str = "CC-BY-4.0 (this project)"
    extra: dict = field(default_factory=dict)
    #: What the table holds, in Chinese (set for the clean tables, which the Data page offers).
    description_zh: str = ""

    def doc(self, lang: str = "en") -> str:
        return self.description_zh if lang == "zh" else self.description

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def F(name, type_, description, zh="", **kw) -> Field:  # noqa: N802 - short constructor for the table lists
    """A column: name, type, meaning in English and (``zh``) in Chinese, and its checks."""
    for key in ("enum",):
        if key in kw and kw[key] is not None:
            kw[key] = tuple(kw[key])
    return Field(name, type_, description, description_zh=zh, **kw)


ENTITY = "entities.entity_id"  # virtual table: the union of every entity table's id

# ---------------------------------------------------------------- raw inputs (curated by hand)
#: The name columns of the policies and verticals tables (the same in both).
NAMED = (
    F("name_en", "string", "English name.",
      zh="英文名称。"),
    F("name_zh", "string", "Chinese name.",
      zh="中文名称。", required=False),
    F("short_en", "string", "Short English name for charts.",
      zh="英文简称，用于图表。"),
    F("short_zh", "string", "Short Chinese name for charts.",
      zh="中文简称，用于图表。"),
    F("aliases", "string", "Spellings used in the articles.",
      zh="文章中使用的各种写法。", required=False, list_sep="|"),
)

RAW_TABLES: dict[str, Table] = {t.name: t for t in [
    Table("sources", "Article register", "The five 2023 articles: where they come from and the checksum of the text we read.", (
        F("source_id", "string", "File stem of the article text in the seeds folder.",
          zh="文章文本在种子文件夹中的文件名（不含扩展名）。", unique=True, pattern=r"^\d{3}_[0-9a-f]{16}$"),
        F("title_zh", "string", "Title as printed (Chinese); empty when the text prints none.",
          zh="原文标题（中文）；文本未印标题时为空。", required=False),
        F("title_en", "string", "Our English translation of the title.",
          zh="标题的英文翻译（我们的译文）。"),
        F("outlet", "string", "Publisher, outlet or account (Chinese name).",
          zh="发布者、媒体或账号（中文名称）。"),
        F("outlet_en", "string", "Publisher in English.",
          zh="发布者的英文名称。"),
        F("outlet_short_en", "string", "Short English name of the outlet, for source lines.",
          zh="媒体的英文简称，用于来源说明。"),
        F("outlet_short_zh", "string", "Short Chinese name of the outlet, for source lines.",
          zh="媒体的中文简称，用于来源说明。"),
        F("author", "string", "Author as credited; empty when the text names none.",
          zh="署名作者；文本未署名时为空。", required=False),
        F("published", "date", "Publication date at the precision the text allows.",
          zh="发表日期，精度以文本所能确定的为准。", pattern=ISO_DATE_PATTERN),
        F("date_inferred", "boolean", "True when the date is not printed in the text but inferred.",
          zh="日期并非文本所印、而是推断得出时为true。"),
        F("date_basis", "string", "How the publication date was established.",
          zh="发表日期是如何确定的。"),
        F("language", "string", "BCP 47 language tag of the text.",
          zh="文本的BCP 47语言标签。", enum=["zh-Hans"]),
        F("sha256", "string", "SHA-256 of the UTF-8 text file, to prove we read the same text.",
          zh="UTF-8文本文件的SHA-256，用以证明我们读的是同一份文本。", pattern=r"^[0-9a-f]{64}$"),
    ), primary_key="source_id"),
    Table("claims", "Claims", "One row per figure, date or named fact per article, anchored to its line.", (
        F("claim_id", "string", "Claim id: article number and sequence.",
          zh="说法编号：文章编号加序号。", unique=True, pattern=r"^\d{3}-\d{3}$"),
        F("source_id", "string", "Article the claim is taken from.",
          zh="说法所出自的文章。", references="sources.source_id"),
        F("line", "integer", "1-based line number in the article text.",
          zh="在文章文本中的行号（从1开始）。", minimum=1),
        F("anchor", "string", "The figure, date or name exactly as printed on that line.",
          zh="该行所印的数字、日期或名称，一字不差。"),
        F("kind", "string", "number (value parsed from anchor), date (date parsed from anchor) or named (a name).",
          zh="number（数值由锚点解析）、date（日期由锚点解析）或named（名称）。", enum=CLAIM_KINDS),
        F("theme", "string", "Report theme the claim belongs to.",
          zh="说法所属的报告主题。", enum=THEMES),
        F("subject", "string", "Entity the claim is about.",
          zh="说法所涉及的实体。", pattern=ID_PATTERN, references=ENTITY),
        F("attribute", "string", "What is claimed about the subject.",
          zh="说法对该实体说了什么（属性）。", pattern=r"^[a-z][a-z0-9_]*$"),
        F("value", "number", "Numeric value of the anchor in base units (numbers only).",
          zh="锚点的数值，以基本单位计（仅限数字）。", required=False),
        F("value_high", "number", "Upper end when the anchor is a range.",
          zh="锚点为范围时的上端。", required=False),
        F("unit", "string", "Unit of value (parameters, USD, CNY, GPU, percent, ...).",
          zh="数值的单位（parameters、USD、CNY、GPU、percent等）。", required=False),
        F("date", "date", "ISO date for date claims, at the printed precision (year may be inferred: see note).",
          zh="日期类说法的ISO日期，精度与所印一致（年份可能系推断：见备注）。", required=False, pattern=ISO_DATE_PATTERN),
        F("object", "string", "Related entity for relations (developed_by, chip, issued_by ...).",
          zh="关系所涉及的另一个实体（developed_by、chip、issued_by等）。", required=False, pattern=ID_PATTERN, references=ENTITY),
        F("qualifier", "string", "Hedge printed with the figure; for numbers it must be what the anchor parses to, "
          "unless qualifier_basis is sentence.",
          zh="与数字一同印出的限定词；对于数字，必须与锚点解析的结果一致，"
             "除非qualifier_basis为sentence。", required=False, enum=QUALIFIERS),
        F("qualifier_basis", "string", "anchor (default; empty means anchor): the qualifier is what the anchor parses to; "
          "sentence: the hedge is elsewhere in the sentence (不过 'no more than', joining a 'club', 以上 after a scale "
          "word, 甚至 'or even'), so the qualifier may differ from the anchor's.",
          zh="anchor（默认；为空即表示anchor）：限定词就是锚点解析的结果；sentence："
             "限定出现在句中别处（“不过”、加入某个“俱乐部”、量级词后的“以上”、“甚至”），因此限定词可能与锚点的不同。", required=False, enum=QUALIFIER_BASES),
        F("status", "string", "Kind of statement, from the context; empty for a reported fact. "
          + "; ".join(f"{k}: {v}" for k, v in STATUS_MEANINGS.items()) + ".",
          zh="陈述的类别，依据上下文判断；文章作为事实报道的为空。"
             + "；".join(f"{k}：{v}" for k, v in STATUS_MEANINGS_ZH.items()) + "。", required=False, enum=STATUSES),
        F("as_of", "date", "Date the figure describes, when the text makes it clear.",
          zh="数字所描述的时点（文本说得清楚时）。", required=False, pattern=ISO_DATE_PATTERN),
        F("note", "string", "Our own short English gloss of what the figure means.",
          zh="我们用英文写的简短注释，说明该数字的含义。"),
    ), primary_key="claim_id"),
    Table("organisations", "Organisations", "Companies, labs and universities named in the articles.", (
        F("entity_id", "string", "Organisation id.",
          zh="机构编号。", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "English name.",
          zh="英文名称。"),
        F("name_zh", "string", "Chinese name (empty for foreign companies without one).",
          zh="中文名称（没有中文名称的外国公司为空）。", required=False),
        F("aliases", "string", "Spellings used in the articles.",
          zh="文章中使用的各种写法。", required=False, list_sep="|"),
        F("country", "string", "Country of the headquarters.",
          zh="总部所在国家。"),
        F("org_kind", "string", "Kind, following the articles' taxonomy (004, line 17): giant (internet and industry "
          "giants), ai_company (AI companies and start-ups), research (institutes and universities); international for "
          "foreign companies; other for the rest.",
          zh="类别，依照文章的分类（004，第17行）：giant（互联网和产业巨头）、"
             "ai_company（人工智能公司和初创企业）、research（科研院所和高校）；"
             "外国公司为international；其余为other。", enum=ORG_KINDS),
        F("kind_basis", "string", "article: the article puts it in that kind; ours: our classification of an "
          "organisation the taxonomy does not list.",
          zh="article：文章把它归入该类；ours：对文章分类未列出的机构，由我们归类。", enum=["article", "ours"]),
        F("sector", "string", "What it mainly does.",
          zh="主要业务。", enum=SECTORS),
        F("epoch_organization", "string", "How Epoch AI spells the organisation, for matching.",
          zh="Epoch AI对该机构的写法，用于匹配。", required=False, list_sep="|"),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("models", "Models", "Models named in the articles, with aliases and their Epoch AI match.", (
        F("entity_id", "string", "Model id.",
          zh="模型编号。", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "Canonical name.",
          zh="规范名称。"),
        F("name_zh", "string", "Chinese name where there is one.",
          zh="中文名称（如有）。", required=False),
        F("short_en", "string", "Shorter English name for crowded charts.",
          zh="较短的英文名称，用于拥挤的图表。", required=False),
        F("short_zh", "string", "Shorter Chinese label for charts (our wording where the model has no Chinese name).",
          zh="较短的中文标签，用于图表（模型没有中文名称时为我们的措辞）。", required=False),
        F("aliases", "string", "Spellings used in the articles.",
          zh="文章中使用的各种写法。", required=False, list_sep="|"),
        F("developers", "string", "Developer organisations.",
          zh="开发机构。", list_sep="|", references="organisations.entity_id"),
        F("developers_citation", "string", "Source for any developer no article names (each listed developer needs a "
          "developed_by claim or this).",
          zh="任何文章未提及的开发机构的出处（列出的每个开发机构都需要一条developed_by说法或此出处）。", required=False),
        F("modality", "string", "Main modality.",
          zh="主要模态。", enum=["text", "multimodal", "image", "speech", "protein", "code", "other"]),
        F("scope", "string", "General-purpose or industry (vertical) model.",
          zh="通用模型还是行业（垂直）模型。", enum=SCOPES),
        F("unit", "string", "What the name stands for: " + "; ".join(f"{k} ({v})" for k, v in MODEL_UNIT_MEANINGS.items())
          + ". Only models are counted as models (Methods, the counting rule).",
          zh="名称所指的对象：" + "；".join(f"{k}（{v}）" for k, v in MODEL_UNIT_MEANINGS_ZH.items())
             + "。只有model计为模型（见“方法”页的计数规则）。", enum=MODEL_UNITS),
        F("architecture", "string", "dense, or sparse mixture-of-experts (moe) whose total parameters are not comparable to dense counts.",
          zh="dense（稠密），或moe（稀疏混合专家），后者的总参数量不能与稠密模型的参数量相比。", enum=ARCHITECTURES),
        F("architecture_citation", "string", "Where the architecture is documented (not in the articles).",
          zh="架构的出处（不在文章中）。", required=False),
        F("epoch_model", "string", "Matching model name in the Epoch AI table.",
          zh="Epoch AI数据表中对应的模型名称。", required=False),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("policies", "Policies", "Rules, plans and open letters named in the articles.", (
        F("entity_id", "string", "Policy id.",
          zh="政策编号。", unique=True, pattern=ID_PATTERN),
        *NAMED,
        F("issuer", "string", "Issuing body.",
          zh="发布机构。", list_sep="|", references=ENTITY),
        F("level", "string", "national, local, international or industry.",
          zh="national（全国）、local（地方）、international（国际）或industry（行业）。", enum=POLICY_LEVELS),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("deployments", "Compute deployments", "GPU fleets, orders and clusters reported in the articles.", (
        F("entity_id", "string", "Deployment id.",
          zh="算力部署编号。", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "Short English name (our words).",
          zh="英文简称（我们的措辞）。"),
        F("name_zh", "string", "Short Chinese name.",
          zh="中文简称。", required=False),
        F("buyer", "string", "Who owns or ordered the compute.",
          zh="算力的拥有者或订购方。", references=ENTITY),
        F("chip", "string", "Accelerator model(s).",
          zh="加速芯片型号。", required=False, references=ENTITY, list_sep="|"),
        F("purpose", "string", "What the compute is for, in our words.",
          zh="算力的用途，用我们的话说。", required=False),
        F("status", "string", "ordered, delivered, planned, reported (in use), or ceiling (a cloud product's maximum "
          "configuration, not an installed fleet).",
          zh="ordered（已订购）、delivered（已交付）、planned（计划中）、"
             "reported（据报道已投用）或ceiling（云产品可提供的最大配置，并非已安装的集群）。", enum=DEPLOYMENT_STATUSES),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("verticals", "Vertical applications", "Industry (vertical) models and offers named in the articles.", (
        F("entity_id", "string", "Vertical application id.",
          zh="垂直应用编号。", unique=True, pattern=ID_PATTERN),
        *NAMED,
        F("provider", "string", "Organisation offering it.",
          zh="提供它的机构。", references="organisations.entity_id", list_sep="|"),
        F("model", "string", "Model it runs on, where the articles name one.",
          zh="它所基于的模型（文章有点名时）。", required=False, references="models.entity_id"),
        F("industry", "string", "Industry served.",
          zh="所服务的行业。",
          enum=["medicine", "government", "finance", "life_sciences", "education", "manufacturing", "media", "cross_industry", "mobile", "retail", "energy", "security", "legal", "other"]),
        F("error_tolerance", "string", "How tolerant the industry is of model errors, as the articles argue.",
          zh="按文章的论点，该行业对模型出错的容忍程度。", required=False, enum=["low", "medium", "high"]),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("other_entities", "Other entities", "Chips, people, aggregates and products the claims are about.", (
        F("entity_id", "string", "Entity id.",
          zh="实体编号。", unique=True, pattern=ID_PATTERN),
        F("kind", "string", "What sort of entity.",
          zh="实体的种类。", enum=OTHER_KINDS),
        F("name_en", "string", "English name.",
          zh="英文名称。"),
        F("name_zh", "string", "Chinese name.",
          zh="中文名称。", required=False),
        F("aliases", "string", "Spellings used in the articles.",
          zh="文章中使用的各种写法。", required=False, list_sep="|"),
        F("affiliation", "string", "Maker (chips), employer (people) or owner.",
          zh="制造商（芯片）、雇主（人物）或所有者。", required=False, references="organisations.entity_id"),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("external_facts", "Facts from outside the articles", "Facts the articles lack, each with its own citation.", (
        F("fact_id", "string", "External fact id.",
          zh="外部事实编号。", unique=True, pattern=r"^x\d{3}$"),
        F("subject", "string", "Entity the fact is about.",
          zh="该事实所涉及的实体。", references=ENTITY),
        F("attribute", "string", "Attribute, as in claims.",
          zh="属性，与说法中的相同。", pattern=r"^[a-z][a-z0-9_]*$"),
        F("value", "number", "Numeric value in base units.",
          zh="以基本单位计的数值。", required=False),
        F("unit", "string", "Unit of value.",
          zh="数值的单位。", required=False),
        F("date", "date", "ISO date.",
          zh="ISO日期。", required=False, pattern=ISO_DATE_PATTERN),
        F("citation", "string", "The document that states the fact.",
          zh="陈述该事实的文件。"),
        F("url", "string", "Address of that document.",
          zh="该文件的网址。", required=False),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="fact_id"),
    Table("source_relations", "Relations between articles", "Where one article repeats another, so it is not independent confirmation.", (
        F("source_id", "string", "The later or derived article.",
          zh="较晚的或派生的文章。", references="sources.source_id"),
        F("related_source_id", "string", "The article it repeats.",
          zh="它所重复的文章。", references="sources.source_id"),
        F("relation", "string", "copies_from: reuses the other's figures and wording; shares_text_with: both repeat a common source.",
          zh="copies_from：沿用另一篇的数字和措辞；shares_text_with：两篇都重复了同一个来源。", enum=RELATIONS),
        F("evidence", "string", "Line pairs that show it (source line:related line).",
          zh="显示这一关系的行号对（本文行号:相关文章行号）。", ),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    )),
    Table("known_issues", "Curated findings", "Errors and ambiguities in the articles that need a reader's judgement to spot.", (
        F("issue_id", "string", "Finding id.",
          zh="问题编号。", unique=True, pattern=r"^k\d{3}$"),
        F("kind", "string", "Sort of problem: misstated_value, double_count (the same thing counted twice), "
          "possible_double_count (two names that may be one model; counted as two until a source settles it), "
          "sparse_vs_dense, sum_mismatch, date_conflict, time_zone (a date given in Beijing time for an event usually "
          "dated in US time), vague_reference, wrong_attribution, incomplete_attribution (developers left out; the "
          "fuller list is in models.csv with its citation), misnamed, misdescribed (a wrong description of what a "
          "model is: its modality or architecture), estimate_differs, disputed_value (sources disagree on what a "
          "printed figure measures), misquoted (a statement restated with a different meaning from what was said), "
          "outdated (true when printed, or nearly, but overtaken soon after).",
          zh="问题的类别：misstated_value（数字有误）、double_count（同一事物计了两次）、"
             "possible_double_count（两个名称可能是同一模型；在有来源确认之前按两个计）、"
             "sparse_vs_dense、sum_mismatch、date_conflict、"
             "time_zone（通常按美国时间记日期的事件给出了北京时间的日期）、vague_reference、"
             "wrong_attribution、incomplete_attribution（开发机构不全；"
             "更完整的名单及其出处在models.csv中）、misnamed、"
             "misdescribed（对模型是什么的描述有误：其模态或架构）、estimate_differs、"
             "disputed_value（各来源对所印数字衡量的是什么有分歧）、misquoted（转述改变了原话的意思）、"
             "outdated（印出时属实或大致属实，但很快过时）。",
          enum=["misstated_value", "double_count", "possible_double_count", "sparse_vs_dense", "sum_mismatch", "date_conflict", "time_zone", "vague_reference", "wrong_attribution", "incomplete_attribution", "misnamed", "misdescribed", "misquoted", "outdated", "estimate_differs", "disputed_value"]),
        F("claim_ids", "string", "Claims involved.",
          zh="所涉及的说法。", list_sep="|", references="claims.claim_id"),
        F("resolution", "string", "What the charts use and why.",
          zh="图表采用什么，以及为什么。"),
        F("note", "string", "Our explanation.",
          zh="我们的解释。"),
    ), primary_key="issue_id"),
    Table("model_count_definitions", "What the model counts count",
          "The definitions behind published counts of Chinese large models: each count in model_counts.csv measures "
          "one of these, and counts under different definitions must not be compared or joined.", (
        F("definition_id", "string", "Definition id.",
          zh="口径编号。", unique=True, enum=COUNT_DEFINITIONS),
        F("name_en", "string", "Full English name of what is counted.",
          zh="所统计对象的英文全称。"),
        F("name_zh", "string", "Full Chinese name of what is counted.",
          zh="所统计对象的中文全称。"),
        F("short_en", "string", "Short English name for chart legends.",
          zh="英文简称，用于图例。"),
        F("short_zh", "string", "Short Chinese name for chart legends.",
          zh="中文简称，用于图例。"),
        F("measure", "string", "cumulative: everything counted up to the cut-off date (a stock); per_year: counted "
          "within one calendar year (a flow).",
          zh="cumulative：截至截止日期的累计数（存量）；per_year：一个自然年内的统计数（流量）。", enum=["cumulative", "per_year"]),
        F("joinable", "boolean", "true when every count under this definition is read from one register (the CAC's "
          "filings or local registrations), so a chart may join the points into a line; false when each counting "
          "body keeps its own list, so its counts stand alone.",
          zh="该口径下的每个统计数字都出自同一份登记记录（国家网信办的备案或地方登记），因此图表可以把各点连成线时为true；"
             "各统计者自有名单、其统计数字各自独立时为false。"),
        F("description", "string", "What is included and excluded, and how the counting bodies compile it.",
          zh="包括什么、不包括什么，以及统计者如何汇编。"),
    ), primary_key="definition_id"),
    Table("model_counts", "Published counts of Chinese models",
          "A cited ledger of published counts of Chinese large models (or of the services and applications built on "
          "them), one row per count a counting body published, each read in a source we cite.", (
        F("count_id", "string", "Count id.",
          zh="统计编号。", unique=True, pattern=COUNT_ID_PATTERN),
        F("as_of", "date", "Cut-off date the count refers to, at the precision the source gives.",
          zh="统计所指的截止日期，精度与来源一致。",
          pattern=ISO_DATE_PATTERN),
        F("count", "integer", "The count as published (the lower bound for more_than and at_least).",
          zh="公布的统计数字（more_than和at_least时为下限）。",
          unit="models, services or applications (see definition_id)", minimum=0),
        F("qualifier", "string", "Hedge printed with the count: exactly (a plain figure), about, more_than (超过) or "
          "at_least (以上); the last two are lower bounds.",
          zh="与统计数字一同印出的限定词：exactly（确数）、about（约）、more_than（超过）"
             "或at_least（以上）；后两者为下限。", enum=COUNT_QUALIFIERS),
        F("definition_id", "string", "What was counted (see model_count_definitions.csv). Rows for "
          "epoch_notable_chinese are computed by the build, never typed here.",
          zh="统计的是什么（见model_count_definitions.csv）。"
             "epoch_notable_chinese口径的行由构建过程计算，从不在此手工录入。", enum=COUNT_DEFINITIONS,
          references="model_count_definitions.definition_id"),
        F("counting_body", "string", "Who compiled the count, in English, as the source credits it.",
          zh="汇编该统计的机构，英文，按来源的署名。"),
        F("counting_body_zh", "string", "Who compiled the count, in Chinese.",
          zh="汇编该统计的机构，中文。"),
        F("body", "string", "Short English name of the counting body: for source lines, and the key of the rule "
          "that one body publishes one count per date and definition.",
          zh="统计者的英文简称：用于来源说明，也是“同一统计者在同一日期、同一口径下只公布一个统计数字”这条规则的键。"),
        F("body_zh", "string", "Short Chinese name of the counting body.",
          zh="统计者的中文简称。"),
        F("publisher", "string", "Who published the statement we cite (the original publisher where we read a copy).",
          zh="发布我们所引陈述的机构（我们读的是转载时，为原发布者）。"),
        F("title", "string", "Title of the cited document or story; in square brackets when it is our description "
          "of a document whose title we did not see. A row needs a title or a url.",
          zh="所引文件或报道的标题；我们未见到标题而自行描述的文件，标题放在方括号内。每行需要标题或网址。", required=False),
        F("published", "date", "Day the count was published or stated, at the precision known.",
          zh="统计数字公布或说出的日期，精度以所知为准。",
          pattern=ISO_DATE_PATTERN),
        F("url", "string", "Address of the original publication, where we read it there.",
          zh="原始发布的网址（我们在那里读到时）。", required=False,
          pattern=URL_PATTERN),
        F("read_via", "string", "Where we read it when not at url: the address of a re-post or translation, or the "
          "article and line. A row needs a url or this.",
          zh="不在网址处读到时的出处：转载或译文的网址，或文章及行号。每行需要网址或此项。", required=False),
        F("claim_id", "string", "The article claim that states this count, for counts taken from the five articles; "
          "the count must equal that claim's chosen value.",
          zh="陈述该统计数字的文章说法（数字取自五篇文章时）；统计数字必须等于该说法选用的数值。", required=False, pattern=r"^\d{3}-\d{3}$",
          references="claims.claim_id"),
        F("confidence", "string", "high: read in the original publisher's text or a faithful copy of it, with its "
          "date; medium: read in a secondary report, or with the date or counting body inferred; low: read only in a "
          "late or unattributed copy that names neither publisher nor date.",
          zh="high：读自原发布者的文本或其忠实副本，且有日期；medium：读自二手报道，或日期、统计者系推断；low："
             "只读自晚出或未注明出处、既无发布者也无日期的副本。", enum=COUNT_CONFIDENCE),
        F("note", "string", "What the count includes, how we read it, and its caveats (our words).",
          zh="该统计包括什么、我们如何解读，以及注意事项（我们的措辞）。"),
    ), primary_key="count_id"),
    Table("epoch_notes", "Notes on Epoch AI's counts",
          "What a parameter count in Epoch AI's table is, where a chart compares it with others: a sparse "
          "mixture-of-experts total (with the parameters active per token, where published) or an estimate the "
          "developer never published. Each row cites the document that says so.", (
        F("epoch_model", "string", "Model name exactly as in Epoch AI's table.",
          zh="模型名称，与Epoch AI数据表中的写法完全一致。", unique=True),
        F("architecture", "string", "moe (a sparse mixture of experts: its count is a total, most of it idle for any "
          "one token), dense, or unknown.",
          zh="moe（稀疏混合专家：其参数量是总数，对任一词元而言大部分闲置）、dense或unknown。", enum=ARCHITECTURES),
        F("active_parameters", "number", "Parameters active per token, where the developer publishes it.",
          zh="每个词元激活的参数量（开发机构公布时）。",
          unit="parameters", required=False, minimum=0),
        F("parameters_basis", "string", "published (the developer gives the count) or estimate (it does not; the "
          "count is Epoch AI's estimate).",
          zh="published（开发机构公布了参数量）或estimate（未公布；该数字为Epoch AI的估算）。", enum=["published", "estimate"]),
        F("citation", "string", "The document that states the architecture, the active count or the absence of a "
          "published count.",
          zh="陈述架构、激活参数量或未公布参数量这一事实的文件。"),
        F("url", "string", "Address of that document.",
          zh="该文件的网址。"),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="epoch_model"),
]}

ENTITY_TABLES = ["organisations", "models", "policies", "deployments", "verticals", "other_entities"]

#: Epoch columns the project relies on: a renamed column must stop the build.
EPOCH_REQUIRED_COLUMNS = [
    "Model", "Organization", "Publication date", "Domain", "Parameters", "Training compute (FLOP)",
    "Training hardware", "Hardware quantity", "Country (of organization)", "Organization categorization",
    "Training compute cost (2023 USD)", "Frontier model",
]

def _clean_count_fields() -> tuple[Field, ...]:
    """model_counts' raw columns, loosened where computed rows differ: their id, and no publication date."""
    changes = {
        "count_id": {"pattern": r"^(c\d{3}|epoch-\d{4})$",
                     "description": "Count id: cNNN for ledger rows, epoch-YYYY for rows computed from Epoch AI.",
                     "description_zh": "统计编号：台账中的行为cNNN，根据Epoch AI计算的行为epoch-YYYY。"},
        "published": {"required": False,
                      "description": "Day the count was published or stated, at the precision known; empty for rows "
                                     "computed from Epoch AI's table (a living dataset: data/external/epoch-ai/README.md "
                                     "gives the day our copy was taken).",
                      "description_zh": "统计数字公布或说出的日期，精度以所知为准；根据Epoch AI数据表计算的行为空（该表是"
                                        "持续更新的数据集，data/external/epoch-ai/README.md给出我们取得副本的日期）。"},
    }
    return tuple(replace(f, **changes.get(f.name, {})) for f in RAW_TABLES["model_counts"].fields)


# ---------------------------------------------------------------- clean outputs (generated)
CLEAN_TABLES: dict[str, Table] = {t.name: t for t in [
    RAW_TABLES["sources"],
    RAW_TABLES["source_relations"],
    Table("claims", "Claims (validated)", "Every claim, validated and with its entity kinds resolved.",
          RAW_TABLES["claims"].fields + (
              F("subject_kind", "string", "Entity table of the subject.",
                zh="主语实体所在的实体表。"),
              F("year", "integer", "Year of the date claim, or of as_of.",
                zh="日期类说法的年份，或as_of的年份。", required=False),
          ), primary_key="claim_id"),
    Table("organisations", "Organisations", RAW_TABLES["organisations"].description,
          RAW_TABLES["organisations"].fields + (
              F("model_count", "integer", "Models this organisation developed, by the counting rule: rows of "
                "models.csv whose unit is model (one trained network); families, products and architectures are "
                "not counted.",
                zh="该机构按计数规则开发的模型数：models.csv中单位为model（一个训练好的网络）的行；模型系列、"
                   "产品和架构不计入。"),
              F("family_count", "integer", "Model families it developed (unit family), counted apart from models: "
                "a family and its members are not two models of the same kind.",
                zh="它开发的模型系列数（单位为family），与模型分开计数：一个模型系列与其成员不是同一类的两个模型。"),
              F("count_issues", "string", "Curated findings (known_issues.csv) that leave open whether two of its "
                "entries are one model.",
                zh="人工整理的问题（known_issues.csv），这些问题尚未确定它的两个条目是否为同一模型。", required=False, list_sep="|"),
          ), primary_key="entity_id"),
    Table("models", "Models", "Models with the parameter count and date the charts use and Epoch's values beside them.",
          RAW_TABLES["models"].fields + (
              F("parameters", "number", "Parameter count the charts use: the articles' chosen value, or Epoch AI's "
                "where no article value is consistent with it (see parameters_basis).",
                zh="图表采用的参数量：文章选用的数值；若没有与Epoch AI一致的文章数值，"
                   "则用Epoch AI的（见parameters_basis）。", unit="parameters", required=False),
              F("parameters_precise", "number", "The most precise count consistent with parameters: Epoch AI's where the "
                "printed figure (rounded or hedged) allows it, for plotting and fitting.",
                zh="与parameters相容的最精确参数量：所印数字（经舍入或带限定词）容许时取Epoch AI的数值，"
                   "用于绘图和拟合。", unit="parameters", required=False),
              F("parameters_qualifier", "string", "Hedge on the articles' count.",
                zh="文章参数量的限定词。", required=False),
              F("parameters_anchor", "string", "The articles' chosen count as printed.",
                zh="文章选用的参数量，按原文所印。", required=False),
              F("parameters_basis", "string", "Where parameters comes from: articles; external (a cited document); or "
                "epoch, when the articles' count is inconsistent with Epoch AI's.",
                zh="parameters的来源：articles（文章）；external（有出处的文件）；"
                   "或epoch（文章的数字与Epoch AI的不相容时）。", required=False,
                enum=["articles", "external", "epoch"]),
              F("parameters_sources", "string", "Articles that give a count.",
                zh="给出参数量的文章。", required=False, list_sep="|"),
              F("release_date", "date", "Release or announcement date the charts use: the articles' chosen date, or "
                "Epoch AI's where they are inconsistent (see release_basis).",
                zh="图表采用的发布或宣布日期：文章选用的日期；两者不相容时用Epoch AI的日期（见release_basis）。", required=False),
              F("release_basis", "string", "Where release_date comes from: articles; external (a cited document); or "
                "epoch, when the articles give no date or one inconsistent with Epoch AI's.",
                zh="release_date的来源：articles（文章）；external（有出处的文件）；"
                   "或epoch（文章没有给出日期，或给出的日期与Epoch AI的不相容时）。", required=False,
                enum=["articles", "external", "epoch"]),
              F("release_date_precise", "date", "The most precise date consistent with release_date (Epoch AI's day "
                "where the articles give only the year or month), for plotting.",
                zh="与release_date相容的最精确日期（文章只给出年或月时取Epoch AI的具体日期），用于绘图。", required=False),
              F("release_year", "integer", "Year of release_date.",
                zh="release_date的年份。", required=False),
              F("country_group", "string", "China, United States or Rest of world, from the developers.",
                zh="China、United States或Rest of world，按开发机构确定。", enum=COUNTRY_GROUPS),
              F("count_issues", "string", "Curated findings (known_issues.csv, possible_double_count) that say this "
                "entry and another may be one model.",
                zh="人工整理的问题（known_issues.csv，possible_double_count），"
                   "指出该条目与另一条目可能是同一模型。", required=False, list_sep="|"),
              F("epoch_parameters", "number", "Epoch AI's parameter count.",
                zh="Epoch AI的参数量。", unit="parameters", required=False),
              F("epoch_publication_date", "date", "Epoch AI's publication date.",
                zh="Epoch AI的发布日期。", required=False),
          ), primary_key="entity_id"),
    Table("entities", "Entities", "Every entity the claims are about, from all entity tables, with its names in both languages.", (
        F("entity_id", "string", "Entity id.",
          zh="实体编号。", unique=True, pattern=ID_PATTERN),
        F("entity_table", "string", "Entity table it comes from.",
          zh="它所来自的实体表。", enum=ENTITY_TABLES),
        F("kind", "string", "Organisation kind, model scope, policy level, deployment status or other kind.",
          zh="机构类别、模型范围、政策层级、部署状态或其他种类。"),
        F("name_en", "string", "English name.",
          zh="英文名称。"),
        F("name_zh", "string", "Chinese name, or the English one where there is no Chinese form.",
          zh="中文名称；没有中文形式时为英文名称。"),
        F("short_en", "string", "Short English name for charts.",
          zh="英文简称，用于图表。"),
        F("short_zh", "string", "Short Chinese name for charts.",
          zh="中文简称，用于图表。"),
        F("aliases", "string", "Spellings used in the articles.",
          zh="文章中使用的各种写法。", required=False, list_sep="|"),
    ), primary_key="entity_id"),
    Table("facts", "Facts", "Claims merged across articles: one row per distinct value of a subject's attribute, with all supporting sources.", (
        F("fact_id", "string", "Fact id.",
          zh="事实编号。", unique=True),
        F("subject", "string", "Entity.",
          zh="实体。", references=ENTITY),
        F("subject_kind", "string", "Entity table of the subject.",
          zh="主语实体所在的实体表。"),
        F("attribute", "string", "Attribute.",
          zh="属性。"),
        F("kind", "string", "number, date or named.",
          zh="number、date或named。", enum=CLAIM_KINDS),
        F("value", "number", "Value in base units.",
          zh="以基本单位计的数值。", required=False),
        F("value_high", "number", "Upper end of a range.",
          zh="范围的上端。", required=False),
        F("unit", "string", "Unit.",
          zh="单位。", required=False),
        F("date", "date", "ISO date.",
          zh="ISO日期。", required=False),
        F("object", "string", "Related entity.",
          zh="相关实体。", required=False),
        F("qualifier", "string", "Hedge.",
          zh="限定词。", required=False),
        F("status", "string", "Kind of statement (see claims.status).",
          zh="陈述的类别（见claims.status）。", required=False, enum=STATUSES),
        F("as_of", "date", "Date the value describes.",
          zh="数值所描述的时点。", required=False),
        F("anchor", "string", "The figure as printed in the first supporting claim (empty for external facts).",
          zh="第一条支持说法中所印的数字（外部事实为空）。", required=False),
        F("origin", "string", "articles, or external (with citation).",
          zh="articles（文章），或external（外部，附出处）。", enum=["articles", "external"]),
        F("claim_ids", "string", "Claims merged into this fact.",
          zh="合并为该事实的说法。", required=False, list_sep="|"),
        F("source_ids", "string", "Articles supporting it.",
          zh="支持它的文章。", required=False, list_sep="|"),
        F("n_sources", "integer", "Articles supporting it.",
          zh="支持它的文章。", minimum=0),
        F("n_independent", "integer", "Supporting articles that do not copy another supporting article.",
          zh="支持它的文章中，不抄录另一篇支持文章的篇数。", minimum=0),
        F("citation", "string", "Citation for external facts.",
          zh="外部事实的出处。", required=False),
        F("conflict", "boolean", "Another fact gives a different value for the same subject, attribute and as_of.",
          zh="另有一条事实对同一实体、属性和as_of给出了不同的数值。"),
        F("chosen", "boolean", "This is the value charts use for the subject and attribute.",
          zh="这是图表对该实体和属性采用的数值。"),
        F("choice_rule", "string", "Why it was or was not chosen.",
          zh="为什么选用或不选用它。", required=False),
    ), primary_key="fact_id"),
    Table("events", "Timeline", "Every dated fact as one timeline.", (
        F("event_id", "string", "Event id.",
          zh="事件编号。", unique=True),
        F("date", "date", "ISO date at its precision.",
          zh="ISO日期，保留其精度。"),
        F("year", "integer", "Year.",
          zh="年份。"),
        F("precision", "string", "year, month or day.",
          zh="year、month或day（精确到年、月或日）。", enum=["year", "month", "day"]),
        F("subject", "string", "Entity.",
          zh="实体。", references=ENTITY),
        F("subject_kind", "string", "Entity table.",
          zh="实体表。"),
        F("event", "string", "What happened (the attribute, e.g. release_date).",
          zh="发生了什么（属性，例如release_date）。"),
        F("label_en", "string", "Short English label.",
          zh="英文简短标签。"),
        F("label_zh", "string", "Short Chinese label.",
          zh="中文简短标签。", required=False),
        F("origin", "string", "articles, external (cited document) or epoch (Epoch AI's date replaces an "
          "article date it contradicts).",
          zh="articles（文章）、external（有出处的文件）或epoch（Epoch AI的日期取代与之矛盾的文章"
             "日期）。", enum=["articles", "external", "epoch"]),
        F("source_ids", "string", "Articles that date it.",
          zh="给出该日期的文章。", required=False, list_sep="|"),
        F("citation", "string", "Citation for external and Epoch AI dates.",
          zh="外部日期和Epoch AI日期的出处。", required=False),
        F("article_date", "date", "The articles' date, where a cited or Epoch date replaces it.",
          zh="文章给出的日期（被有出处的日期或Epoch AI日期取代时）。", required=False),
        F("status", "string", "planned, forecast, our_reading ... (see claims.status) when the date is not simply "
          "of something that happened.",
          zh="日期并非单纯指已发生之事时的状态：planned、forecast、"
             "our_reading等（见claims.status）。", required=False),
        F("conflict", "boolean", "Sources disagree on this date.",
          zh="各来源对该日期有分歧。"),
    ), primary_key="event_id"),
    Table("compute", "Compute deployments", "GPU fleets and orders with counts, costs and dates, one row per deployment.", (
        F("entity_id", "string", "Deployment id.",
          zh="算力部署编号。", unique=True),
        F("buyer", "string", "Owner or buyer (entity id).",
          zh="拥有者或买方（实体编号）。"),
        F("buyer_name", "string", "Owner or buyer, English.",
          zh="拥有者或买方，英文。"),
        F("buyer_name_zh", "string", "Owner or buyer, Chinese.",
          zh="拥有者或买方，中文。", required=False),
        F("chip", "string", "Accelerator(s) (entity ids).",
          zh="加速芯片（实体编号）。", required=False, list_sep="|"),
        F("chip_names", "string", "Accelerator(s), as named.",
          zh="加速芯片，按所称名称。", required=False, list_sep="|"),
        F("purpose", "string", "What the compute is for.",
          zh="算力的用途。", required=False),
        F("status", "string", "ordered, delivered, planned, reported or ceiling.",
          zh="ordered、delivered、planned、reported或ceiling。", enum=DEPLOYMENT_STATUSES),
        F("gpu_count", "number", "Number of accelerators as printed (the lower end for hedged counts).",
          zh="所印的加速芯片数量（带限定词的数字取下端）。", unit="GPU", required=False),
        F("gpu_count_anchor", "string", "The count as printed.",
          zh="原文所印的数量。", required=False),
        F("gpu_count_qualifier", "string", "Hedge on the count.",
          zh="数量的限定词。", required=False),
        F("gpu_count_status", "string", "estimate, planned ... when the count is not a reported fact.",
          zh="数量并非报道的事实时的状态：estimate、planned等。", required=False),
        F("gpu_count_low", "number", "Lowest count the printed figure allows (0 for a ceiling: a maximum "
          "configuration says nothing about how many are installed).",
          zh="所印数字允许的最小数量（ceiling为0：最大配置不能说明实际安装了多少）。", unit="GPU", required=False),
        F("gpu_count_high", "number", "Highest count the printed figure allows (empty: no upper bound).",
          zh="所印数字允许的最大数量（为空：没有上限）。", unit="GPU", required=False),
        F("cost", "number", "Cost as printed.",
          zh="原文所印的成本。", required=False),
        F("cost_unit", "string", "Currency of cost.",
          zh="成本的币种。", required=False),
        F("cost_anchor", "string", "The cost as printed.",
          zh="原文所印的成本（原文数字）。", required=False),
        F("cost_qualifier", "string", "Hedge on the cost.",
          zh="成本的限定词。", required=False),
        F("date", "date", "Date of the order, announcement or report.",
          zh="下单、宣布或报道的日期。", required=False),
        F("claim_ids", "string", "Claims about this deployment.",
          zh="关于该部署的说法。", list_sep="|"),
        F("source_ids", "string", "Supporting articles.",
          zh="支持它的文章。", list_sep="|"),
        F("note", "string", "Notes.",
          zh="备注。", required=False),
    ), primary_key="entity_id"),
    Table("policies", "Policies", "Rules and plans with their draft, adoption and effective dates.",
          RAW_TABLES["policies"].fields + (
              F("draft_date", "date", "Draft published for comment.",
                zh="征求意见稿发布日期。", required=False),
              F("adopted_date", "date", "Adopted (for example at a CAC office meeting).",
                zh="审议通过日期（例如在国家网信办室务会议上）。", required=False),
              F("published_date", "date", "Promulgated or published.",
                zh="公布日期。", required=False),
              F("effective_date", "date", "Takes effect.",
                zh="施行日期。", required=False),
              F("date_origins", "string", "For each date: the claim ids (articles) or the external fact's citation.",
                zh="每个日期的依据：说法编号（文章）或外部事实的出处。", required=False),
              F("article_dates", "string", "The dates the articles give, where they differ from the ones used.",
                zh="文章给出的日期（与所采用日期不同时）。", required=False),
              F("draft_to_effect_days", "integer", "Days from draft to taking effect.",
                zh="从征求意见稿到施行的天数。", unit="days", required=False),
          ), primary_key="entity_id"),
    Table("verticals", "Vertical applications", "Industry models with the figures claimed for them.",
          RAW_TABLES["verticals"].fields + (
              F("claims", "string", "Figures claimed for it (attribute=value, qualifier).",
                zh="为它宣称的数字（属性=数值，限定词）。", required=False),
              F("source_ids", "string", "Supporting articles.",
                zh="支持它的文章。", required=False, list_sep="|"),
          ), primary_key="entity_id"),
    Table("epoch_models", "Epoch AI notable models (normalised slice)", "Data: Epoch AI (epoch.ai), CC BY 4.0.", (
        F("model", "string", "Model name as in Epoch.",
          zh="Epoch AI中的模型名称。"),
        F("organization", "string", "Organisation(s) as in Epoch (empty where Epoch gives none).",
          zh="Epoch AI中的机构（Epoch AI未给出时为空）。", required=False),
        F("publication_date", "date", "Publication date.",
          zh="发布日期。"),
        F("year", "integer", "Year of publication.",
          zh="发布年份。"),
        F("country", "string", "Country (of organization) as in Epoch.",
          zh="Epoch AI中的国家（机构所在国）。", required=False),
        F("country_group", "string", "China, United States, Rest of world, Multinational (China with others) or Unknown.",
          zh="China、United States、Rest of world、"
             "Multinational（中国与其他国家合作）或Unknown。", enum=COUNTRY_GROUPS),
        F("is_chinese", "boolean", "At least one organisation based in China.",
          zh="至少有一个机构位于中国。"),
        F("parameters", "number", "Parameters (total for mixture-of-experts).",
          zh="参数量（混合专家模型为总参数量）。", unit="parameters", required=False, minimum=0),
        F("training_compute_flop", "number", "Training compute.",
          zh="训练算力。", unit="FLOP", required=False, minimum=0),
        F("training_hardware", "string", "Training hardware.",
          zh="训练硬件。", required=False),
        F("hardware_quantity", "number", "Number of chips used in training.",
          zh="训练所用芯片数量。", unit="chips", required=False, minimum=0),
        F("training_cost_usd_2023", "number", "Training compute cost.",
          zh="训练算力成本。", unit="2023 USD", required=False, minimum=0),
        F("organization_category", "string", "Industry, Academia, ...",
          zh="Industry、Academia等。", required=False),
        F("domain", "string", "Domain.",
          zh="领域。", required=False),
        F("frontier_model", "boolean", "Epoch's frontier flag.",
          zh="Epoch AI的前沿模型标记。"),
    ), license="CC-BY-4.0 (Epoch AI)"),
    RAW_TABLES["epoch_notes"],
    Table("epoch_crosscheck", "Articles against Epoch AI", "Each article claim of a model's size or release date for a model Epoch AI lists, with the verdict.", (
        F("claim_id", "string", "Claim.",
          zh="说法。", references="claims.claim_id"),
        F("source_id", "string", "Article.",
          zh="文章。"),
        F("model", "string", "Model id.",
          zh="模型编号。"),
        F("epoch_model", "string", "Epoch model name.",
          zh="Epoch AI中的模型名称。"),
        F("attribute", "string", "parameters or release_date.",
          zh="parameters或release_date。", enum=["parameters", "release_date"]),
        F("anchor", "string", "Figure or date as printed.",
          zh="原文所印的数字或日期。"),
        F("article_value", "number", "Article's parameter count.",
          zh="文章的参数量。", unit="parameters", required=False),
        F("article_low", "number", "Lowest count the printed figure allows (rounding and hedge).",
          zh="所印数字允许的最小参数量（按舍入和限定词）。", unit="parameters", required=False),
        F("article_high", "number", "Highest count the printed figure allows (empty: no upper bound).",
          zh="所印数字允许的最大数量（为空：没有上限）。", unit="parameters", required=False),
        F("epoch_value", "number", "Epoch AI's parameter count.",
          zh="Epoch AI的参数量。", unit="parameters", required=False),
        F("ratio", "number", "Article value / Epoch value.",
          zh="文章数值与Epoch AI数值之比。", required=False),
        F("article_date", "date", "Article's date.",
          zh="文章的日期。", required=False),
        F("epoch_date", "date", "Epoch AI's publication date.",
          zh="Epoch AI的发布日期。", required=False),
        F("verdict", "string", "agrees (Epoch's value within the printed figure's range, or the dates compatible), "
          "differs, or epoch_missing (Epoch lists the model without this value).",
          zh="agrees（Epoch AI的数值落在所印数字的范围内，或日期相容）、differs，"
             "或epoch_missing（Epoch AI收录了该模型但没有此项数值）。", enum=["agrees", "differs", "epoch_missing"]),
        F("architecture", "string", "dense, moe or unknown.",
          zh="dense、moe或unknown。", enum=ARCHITECTURES),
    )),
    Table("discrepancies", "Discrepancies", "Every disagreement and error found: between articles, against Epoch, and curated findings.", (
        F("discrepancy_id", "string", "Id.",
          zh="编号。", unique=True),
        F("kind", "string", "conflict, epoch_mismatch, or a curated kind.",
          zh="conflict、epoch_mismatch，或人工整理的问题类别。"),
        F("subject", "string", "Entity.",
          zh="实体。", required=False),
        F("attribute", "string", "Attribute.",
          zh="属性。", required=False),
        F("claim_ids", "string", "Claims involved.",
          zh="所涉及的说法。", list_sep="|"),
        F("source_ids", "string", "Articles involved.",
          zh="所涉及的文章。", list_sep="|"),
        F("values", "string", "The values in disagreement.",
          zh="有分歧的数值。"),
        F("resolution", "string", "What the charts use and why.",
          zh="图表采用什么，以及为什么。"),
        F("note", "string", "Explanation.",
          zh="解释。", required=False),
        F("detected_by", "string", "build (found by code), reader (curated in known_issues.csv), or both.",
          zh="build（由代码发现）、reader（人工整理，见known_issues.csv）或两者兼有。",
          enum=["build", "reader", "build and reader"]),
    ), primary_key="discrepancy_id"),
    Table("model_count_definitions", "What the model counts count", RAW_TABLES["model_count_definitions"].description,
          RAW_TABLES["model_count_definitions"].fields + (
              F("counts", "integer", "Rows of model_counts.csv under this definition.",
                zh="model_counts.csv中该口径下的行数。", minimum=0),
          ), primary_key="definition_id"),
    Table("model_counts", "Published counts of Chinese models",
          "The cited ledger of published counts (data/raw/model_counts.csv) with, for definition "
          "epoch_notable_chinese, one computed row per year from Epoch AI's table.",
          _clean_count_fields() + (
              F("year", "integer", "Year of as_of.",
                zh="as_of的年份。"),
              F("origin", "string", "ledger: a published count, typed from a cited source; computed: counted by the "
                "build from Epoch AI's table.",
                zh="ledger：公开发布的统计数字，依有出处的来源录入；computed："
                   "由构建过程根据Epoch AI的数据表计算。", enum=["ledger", "computed"]),
              F("source_ids", "string", "Articles the count comes from (through claim_id).",
                zh="统计数字所出自的文章（经由claim_id）。", required=False,
                list_sep="|", references="sources.source_id"),
          ), primary_key="count_id"),
]}

#: What each clean table holds, in Chinese (our translation of its description), for the Chinese edition's Data page.
CLEAN_DESCRIPTIONS_ZH = {
    "sources": "2023年的五篇文章：出处，以及我们所读文本的校验和。",
    "source_relations": "一篇文章重复另一篇之处；因此它不构成独立的印证。",
    "claims": "全部说法，经过校验，并解析出所涉实体的种类。",
    "organisations": "文章提到的公司、实验室和高校。",
    "models": "模型，附图表采用的参数量和日期，以及并列的Epoch AI数值。",
    "entities": "说法所涉及的每个实体，汇集自所有实体表，附中英文名称。",
    "facts": "跨文章合并的说法：某实体某属性的每个不同数值一行，附全部支持来源。",
    "events": "所有带日期的事实，合成一条时间线。",
    "compute": "GPU集群与订单，附数量、成本和日期，每项部署一行。",
    "policies": "规则与规划，附征求意见稿、审议通过和施行的日期。",
    "verticals": "行业模型，附为其宣称的数字。",
    "epoch_models": "数据：Epoch AI（epoch.ai），CC BY 4.0。",
    "epoch_notes": "图表把Epoch AI数据表中的参数量与其他数字相比较时，说明该参数量是什么：稀疏混合专家模型的总参数量"
                   "（公布了每个词元激活参数量的一并给出），或开发机构从未公布、由Epoch AI估算的数字。每行都引用了说明这一点的文件。",
    "epoch_crosscheck": "对于Epoch AI收录的模型，文章关于其参数量或发布日期的每条说法，附核对结论。",
    "discrepancies": "发现的全部分歧和错误：文章之间的、与Epoch AI的，以及人工整理的问题。",
    "model_count_definitions": "公开发布的中国大模型统计背后的口径：model_counts.csv中的每个统计数字都按其中一种口径计算，"
                               "不同口径的统计数字不得相互比较或连接。",
    "model_counts": "公开发布的统计数字的台账（data/raw/model_counts.csv），附出处；epoch_notable_chinese口径另有根据Epoch AI"
                    "数据表逐年计算的行。",
}
CLEAN_TABLES = {name: replace(table, description_zh=CLEAN_DESCRIPTIONS_ZH.get(name, ""))
                for name, table in CLEAN_TABLES.items()}
