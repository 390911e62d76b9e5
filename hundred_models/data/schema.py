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
#: What kind of statement a claim is, from its context (empty: a reported fact). Meanings are in STATUS_MEANINGS.
STATUSES = ["planned", "vendor_projection", "projection", "estimate", "forecast", "our_reading"]
#: A claim with no status: what the article reports as fact (a claim in the plain sense).
REPORTED_MEANING = "a fact the article reports as such (the claim in the plain sense): something said to have happened or to be so"
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


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: str | None = None
    license: str = "CC-BY-4.0 (this project)"
    extra: dict = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        return [f.name for f in self.fields]

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


def F(name, type_, description, **kw) -> Field:  # noqa: N802 - short constructor for the table lists
    for key in ("enum",):
        if key in kw and kw[key] is not None:
            kw[key] = tuple(kw[key])
    return Field(name, type_, description, **kw)


ENTITY = "entities.entity_id"  # virtual table: the union of every entity table's id

# ---------------------------------------------------------------- raw inputs (curated by hand)
RAW_TABLES: dict[str, Table] = {t.name: t for t in [
    Table("sources", "Article register", "The five 2023 articles: where they come from and the checksum of the text we read.", (
        F("source_id", "string", "File stem of the article text in the seeds folder.", unique=True, pattern=r"^\d{3}_[0-9a-f]{16}$"),
        F("title_zh", "string", "Title as printed (Chinese); empty when the text prints none.", required=False),
        F("title_en", "string", "Our English translation of the title."),
        F("outlet", "string", "Publisher, outlet or account (Chinese name)."),
        F("outlet_en", "string", "Publisher in English."),
        F("outlet_short_en", "string", "Short English name of the outlet, for source lines."),
        F("outlet_short_zh", "string", "Short Chinese name of the outlet, for source lines."),
        F("author", "string", "Author as credited; empty when the text names none.", required=False),
        F("published", "date", "Publication date at the precision the text allows.", pattern=ISO_DATE_PATTERN),
        F("date_inferred", "boolean", "True when the date is not printed in the text but inferred."),
        F("date_basis", "string", "How the publication date was established."),
        F("language", "string", "BCP 47 language tag of the text.", enum=["zh-Hans"]),
        F("sha256", "string", "SHA-256 of the UTF-8 text file, to prove we read the same text.", pattern=r"^[0-9a-f]{64}$"),
    ), primary_key="source_id"),
    Table("claims", "Claims", "One row per figure, date or named fact per article, anchored to its line.", (
        F("claim_id", "string", "Claim id: article number and sequence.", unique=True, pattern=r"^\d{3}-\d{3}$"),
        F("source_id", "string", "Article the claim is taken from.", references="sources.source_id"),
        F("line", "integer", "1-based line number in the article text.", minimum=1),
        F("anchor", "string", "The figure, date or name exactly as printed on that line."),
        F("kind", "string", "number (value parsed from anchor), date (date parsed from anchor) or named (a name).", enum=CLAIM_KINDS),
        F("theme", "string", "Report theme the claim belongs to.", enum=THEMES),
        F("subject", "string", "Entity the claim is about.", pattern=ID_PATTERN, references=ENTITY),
        F("attribute", "string", "What is claimed about the subject.", pattern=r"^[a-z][a-z0-9_]*$"),
        F("value", "number", "Numeric value of the anchor in base units (numbers only).", required=False),
        F("value_high", "number", "Upper end when the anchor is a range.", required=False),
        F("unit", "string", "Unit of value (parameters, USD, CNY, GPU, percent, ...).", required=False),
        F("date", "date", "ISO date for date claims, at the printed precision (year may be inferred: see note).", required=False, pattern=ISO_DATE_PATTERN),
        F("object", "string", "Related entity for relations (developed_by, chip, issued_by ...).", required=False, pattern=ID_PATTERN, references=ENTITY),
        F("qualifier", "string", "Hedge printed with the figure; for numbers it must be what the anchor parses to, "
          "unless qualifier_basis is sentence.", required=False, enum=QUALIFIERS),
        F("qualifier_basis", "string", "anchor (default; empty means anchor): the qualifier is what the anchor parses to; "
          "sentence: the hedge is elsewhere in the sentence (不过 'no more than', joining a 'club', 以上 after a scale "
          "word, 甚至 'or even'), so the qualifier may differ from the anchor's.", required=False, enum=QUALIFIER_BASES),
        F("status", "string", "Kind of statement, from the context; empty for a reported fact. "
          + "; ".join(f"{k}: {v}" for k, v in STATUS_MEANINGS.items()) + ".", required=False, enum=STATUSES),
        F("as_of", "date", "Date the figure describes, when the text makes it clear.", required=False, pattern=ISO_DATE_PATTERN),
        F("note", "string", "Our own short English gloss of what the figure means."),
    ), primary_key="claim_id"),
    Table("organisations", "Organisations", "Companies, labs and universities named in the articles.", (
        F("entity_id", "string", "Organisation id.", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "English name."),
        F("name_zh", "string", "Chinese name (empty for foreign companies without one).", required=False),
        F("aliases", "string", "Spellings used in the articles.", required=False, list_sep="|"),
        F("country", "string", "Country of the headquarters."),
        F("org_kind", "string", "Kind, following the articles' taxonomy (004, line 17): giant (internet and industry "
          "giants), ai_company (AI companies and start-ups), research (institutes and universities); international for "
          "foreign companies; other for the rest.", enum=ORG_KINDS),
        F("kind_basis", "string", "article: the article puts it in that kind; ours: our classification of an "
          "organisation the taxonomy does not list.", enum=["article", "ours"]),
        F("sector", "string", "What it mainly does.", enum=SECTORS),
        F("epoch_organization", "string", "How Epoch AI spells the organisation, for matching.", required=False, list_sep="|"),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("models", "Models", "Models named in the articles, with aliases and their Epoch AI match.", (
        F("entity_id", "string", "Model id.", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "Canonical name."),
        F("name_zh", "string", "Chinese name where there is one.", required=False),
        F("short_en", "string", "Shorter English name for crowded charts.", required=False),
        F("short_zh", "string", "Shorter Chinese label for charts (our wording where the model has no Chinese name).", required=False),
        F("aliases", "string", "Spellings used in the articles.", required=False, list_sep="|"),
        F("developers", "string", "Developer organisations.", list_sep="|", references="organisations.entity_id"),
        F("developers_citation", "string", "Source for any developer no article names (each listed developer needs a "
          "developed_by claim or this).", required=False),
        F("modality", "string", "Main modality.", enum=["text", "multimodal", "image", "speech", "protein", "code", "other"]),
        F("scope", "string", "General-purpose or industry (vertical) model.", enum=SCOPES),
        F("unit", "string", "What the name stands for: " + "; ".join(f"{k} ({v})" for k, v in MODEL_UNIT_MEANINGS.items())
          + ". Only models are counted as models (Methods, the counting rule).", enum=MODEL_UNITS),
        F("architecture", "string", "dense, or sparse mixture-of-experts (moe) whose total parameters are not comparable to dense counts.", enum=ARCHITECTURES),
        F("architecture_citation", "string", "Where the architecture is documented (not in the articles).", required=False),
        F("epoch_model", "string", "Matching model name in the Epoch AI table.", required=False),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("policies", "Policies", "Rules, plans and open letters named in the articles.", (
        F("entity_id", "string", "Policy id.", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "English name."),
        F("name_zh", "string", "Chinese name.", required=False),
        F("short_en", "string", "Short English name for charts."),
        F("short_zh", "string", "Short Chinese name for charts."),
        F("aliases", "string", "Spellings used in the articles.", required=False, list_sep="|"),
        F("issuer", "string", "Issuing body.", list_sep="|", references=ENTITY),
        F("level", "string", "national, local, international or industry.", enum=POLICY_LEVELS),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("deployments", "Compute deployments", "GPU fleets, orders and clusters reported in the articles.", (
        F("entity_id", "string", "Deployment id.", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "Short English name (our words)."),
        F("name_zh", "string", "Short Chinese name.", required=False),
        F("buyer", "string", "Who owns or ordered the compute.", references=ENTITY),
        F("chip", "string", "Accelerator model(s).", required=False, references=ENTITY, list_sep="|"),
        F("purpose", "string", "What the compute is for, in our words.", required=False),
        F("status", "string", "ordered, delivered, planned, reported (in use), or ceiling (a cloud product's maximum "
          "configuration, not an installed fleet).", enum=DEPLOYMENT_STATUSES),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("verticals", "Vertical applications", "Industry (vertical) models and offers named in the articles.", (
        F("entity_id", "string", "Vertical application id.", unique=True, pattern=ID_PATTERN),
        F("name_en", "string", "English name."),
        F("name_zh", "string", "Chinese name.", required=False),
        F("short_en", "string", "Short English name for charts."),
        F("short_zh", "string", "Short Chinese name for charts."),
        F("aliases", "string", "Spellings used in the articles.", required=False, list_sep="|"),
        F("provider", "string", "Organisation offering it.", references="organisations.entity_id", list_sep="|"),
        F("model", "string", "Model it runs on, where the articles name one.", required=False, references="models.entity_id"),
        F("industry", "string", "Industry served.", enum=["medicine", "government", "finance", "life_sciences", "education", "manufacturing", "media", "cross_industry", "mobile", "retail", "energy", "security", "legal", "other"]),
        F("error_tolerance", "string", "How tolerant the industry is of model errors, as the articles argue.", required=False, enum=["low", "medium", "high"]),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("other_entities", "Other entities", "Chips, people, aggregates and products the claims are about.", (
        F("entity_id", "string", "Entity id.", unique=True, pattern=ID_PATTERN),
        F("kind", "string", "What sort of entity.", enum=OTHER_KINDS),
        F("name_en", "string", "English name."),
        F("name_zh", "string", "Chinese name.", required=False),
        F("aliases", "string", "Spellings used in the articles.", required=False, list_sep="|"),
        F("affiliation", "string", "Maker (chips), employer (people) or owner.", required=False, references="organisations.entity_id"),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("external_facts", "Facts from outside the articles", "Facts the articles lack, each with its own citation.", (
        F("fact_id", "string", "External fact id.", unique=True, pattern=r"^x\d{3}$"),
        F("subject", "string", "Entity the fact is about.", references=ENTITY),
        F("attribute", "string", "Attribute, as in claims.", pattern=r"^[a-z][a-z0-9_]*$"),
        F("value", "number", "Numeric value in base units.", required=False),
        F("unit", "string", "Unit of value.", required=False),
        F("date", "date", "ISO date.", required=False, pattern=ISO_DATE_PATTERN),
        F("citation", "string", "The document that states the fact."),
        F("url", "string", "Address of that document.", required=False),
        F("note", "string", "Notes.", required=False),
    ), primary_key="fact_id"),
    Table("source_relations", "Relations between articles", "Where one article repeats another, so it is not independent confirmation.", (
        F("source_id", "string", "The later or derived article.", references="sources.source_id"),
        F("related_source_id", "string", "The article it repeats.", references="sources.source_id"),
        F("relation", "string", "copies_from: reuses the other's figures and wording; shares_text_with: both repeat a common source.", enum=RELATIONS),
        F("evidence", "string", "Line pairs that show it (source line:related line).", ),
        F("note", "string", "Notes.", required=False),
    )),
    Table("known_issues", "Curated findings", "Errors and ambiguities in the articles that need a reader's judgement to spot.", (
        F("issue_id", "string", "Finding id.", unique=True, pattern=r"^k\d{3}$"),
        F("kind", "string", "Sort of problem: misstated_value, double_count (the same thing counted twice), "
          "possible_double_count (two names that may be one model; counted as two until a source settles it), "
          "sparse_vs_dense, sum_mismatch, date_conflict, time_zone (a date given in Beijing time for an event usually "
          "dated in US time), vague_reference, wrong_attribution, incomplete_attribution (developers left out; the "
          "fuller list is in models.csv with its citation), misnamed, misdescribed (a wrong description of what a "
          "model is: its modality or architecture), estimate_differs, disputed_value (sources disagree on what a "
          "printed figure measures), misquoted (a statement restated with a different meaning from what was said), "
          "outdated (true when printed, or nearly, but overtaken soon after).",
          enum=["misstated_value", "double_count", "possible_double_count", "sparse_vs_dense", "sum_mismatch", "date_conflict", "time_zone", "vague_reference", "wrong_attribution", "incomplete_attribution", "misnamed", "misdescribed", "misquoted", "outdated", "estimate_differs", "disputed_value"]),
        F("claim_ids", "string", "Claims involved.", list_sep="|", references="claims.claim_id"),
        F("resolution", "string", "What the charts use and why."),
        F("note", "string", "Our explanation."),
    ), primary_key="issue_id"),
    Table("model_count_definitions", "What the model counts count",
          "The definitions behind published counts of Chinese large models: each count in model_counts.csv measures "
          "one of these, and counts under different definitions must not be compared or joined.", (
        F("definition_id", "string", "Definition id.", unique=True, enum=COUNT_DEFINITIONS),
        F("name_en", "string", "Full English name of what is counted."),
        F("name_zh", "string", "Full Chinese name of what is counted."),
        F("short_en", "string", "Short English name for chart legends."),
        F("short_zh", "string", "Short Chinese name for chart legends."),
        F("measure", "string", "cumulative: everything counted up to the cut-off date (a stock); per_year: counted "
          "within one calendar year (a flow).", enum=["cumulative", "per_year"]),
        F("joinable", "boolean", "true when every count under this definition is read from one register (the CAC's "
          "filings or local registrations), so a chart may join the points into a line; false when each counting "
          "body keeps its own list, so its counts stand alone."),
        F("description", "string", "What is included and excluded, and how the counting bodies compile it."),
    ), primary_key="definition_id"),
    Table("model_counts", "Published counts of Chinese models",
          "A cited ledger of published counts of Chinese large models (or of the services and applications built on "
          "them), one row per count a counting body published, each read in a source we cite.", (
        F("count_id", "string", "Count id.", unique=True, pattern=COUNT_ID_PATTERN),
        F("as_of", "date", "Cut-off date the count refers to, at the precision the source gives.",
          pattern=ISO_DATE_PATTERN),
        F("count", "integer", "The count as published (the lower bound for more_than and at_least).",
          unit="models, services or applications (see definition_id)", minimum=0),
        F("qualifier", "string", "Hedge printed with the count: exactly (a plain figure), about, more_than (超过) or "
          "at_least (以上); the last two are lower bounds.", enum=COUNT_QUALIFIERS),
        F("definition_id", "string", "What was counted (see model_count_definitions.csv). Rows for "
          "epoch_notable_chinese are computed by the build, never typed here.", enum=COUNT_DEFINITIONS,
          references="model_count_definitions.definition_id"),
        F("counting_body", "string", "Who compiled the count, in English, as the source credits it."),
        F("counting_body_zh", "string", "Who compiled the count, in Chinese."),
        F("body", "string", "Short English name of the counting body: for source lines, and the key of the rule "
          "that one body publishes one count per date and definition."),
        F("body_zh", "string", "Short Chinese name of the counting body."),
        F("publisher", "string", "Who published the statement we cite (the original publisher where we read a copy)."),
        F("title", "string", "Title of the cited document or story; in square brackets when it is our description "
          "of a document whose title we did not see. A row needs a title or a url.", required=False),
        F("published", "date", "Day the count was published or stated, at the precision known.",
          pattern=ISO_DATE_PATTERN),
        F("url", "string", "Address of the original publication, where we read it there.", required=False,
          pattern=URL_PATTERN),
        F("read_via", "string", "Where we read it when not at url: the address of a re-post or translation, or the "
          "article and line. A row needs a url or this.", required=False),
        F("claim_id", "string", "The article claim that states this count, for counts taken from the five articles; "
          "the count must equal that claim's chosen value.", required=False, pattern=r"^\d{3}-\d{3}$",
          references="claims.claim_id"),
        F("confidence", "string", "high: read in the original publisher's text or a faithful copy of it, with its "
          "date; medium: read in a secondary report, or with the date or counting body inferred; low: read only in a "
          "late or unattributed copy that names neither publisher nor date.", enum=COUNT_CONFIDENCE),
        F("note", "string", "What the count includes, how we read it, and its caveats (our words)."),
    ), primary_key="count_id"),
    Table("epoch_notes", "Notes on Epoch AI's counts",
          "What a parameter count in Epoch AI's table is, where a chart compares it with others: a sparse "
          "mixture-of-experts total (with the parameters active per token, where published) or an estimate the "
          "developer never published. Each row cites the document that says so.", (
        F("epoch_model", "string", "Model name exactly as in Epoch AI's table.", unique=True),
        F("architecture", "string", "moe (a sparse mixture of experts: its count is a total, most of it idle for any "
          "one token), dense, or unknown.", enum=ARCHITECTURES),
        F("active_parameters", "number", "Parameters active per token, where the developer publishes it.",
          unit="parameters", required=False, minimum=0),
        F("parameters_basis", "string", "published (the developer gives the count) or estimate (it does not; the "
          "count is Epoch AI's estimate).", enum=["published", "estimate"]),
        F("citation", "string", "The document that states the architecture, the active count or the absence of a "
          "published count."),
        F("url", "string", "Address of that document."),
        F("note", "string", "Notes.", required=False),
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
                     "description": "Count id: cNNN for ledger rows, epoch-YYYY for rows computed from Epoch AI."},
        "published": {"required": False,
                      "description": "Day the count was published or stated, at the precision known; empty for rows "
                                     "computed from Epoch AI's table (a living dataset: data/external/epoch-ai/README.md "
                                     "gives the day our copy was taken)."},
    }
    return tuple(replace(f, **changes.get(f.name, {})) for f in RAW_TABLES["model_counts"].fields)


# ---------------------------------------------------------------- clean outputs (generated)
CLEAN_TABLES: dict[str, Table] = {t.name: t for t in [
    RAW_TABLES["sources"],
    RAW_TABLES["source_relations"],
    Table("claims", "Claims (validated)", "Every claim, validated and with its entity kinds resolved.",
          RAW_TABLES["claims"].fields + (
              F("subject_kind", "string", "Entity table of the subject."),
              F("year", "integer", "Year of the date claim, or of as_of.", required=False),
          ), primary_key="claim_id"),
    Table("organisations", "Organisations", RAW_TABLES["organisations"].description,
          RAW_TABLES["organisations"].fields + (
              F("model_count", "integer", "Models this organisation developed, by the counting rule: rows of "
                "models.csv whose unit is model (one trained network); families, products and architectures are "
                "not counted."),
              F("family_count", "integer", "Model families it developed (unit family), counted apart from models: "
                "a family and its members are not two models of the same kind."),
              F("count_issues", "string", "Curated findings (known_issues.csv) that leave open whether two of its "
                "entries are one model.", required=False, list_sep="|"),
          ), primary_key="entity_id"),
    Table("models", "Models", "Models with the parameter count and date the charts use and Epoch's values beside them.",
          RAW_TABLES["models"].fields + (
              F("parameters", "number", "Parameter count the charts use: the articles' chosen value, or Epoch AI's "
                "where no article value is consistent with it (see parameters_basis).", unit="parameters", required=False),
              F("parameters_precise", "number", "The most precise count consistent with parameters: Epoch AI's where the "
                "printed figure (rounded or hedged) allows it, for plotting and fitting.", unit="parameters", required=False),
              F("parameters_qualifier", "string", "Hedge on the articles' count.", required=False),
              F("parameters_anchor", "string", "The articles' chosen count as printed.", required=False),
              F("parameters_basis", "string", "Where parameters comes from: articles; external (a cited document); or "
                "epoch, when the articles' count is inconsistent with Epoch AI's.", required=False,
                enum=["articles", "external", "epoch"]),
              F("parameters_sources", "string", "Articles that give a count.", required=False, list_sep="|"),
              F("release_date", "date", "Release or announcement date the charts use: the articles' chosen date, or "
                "Epoch AI's where they are inconsistent (see release_basis).", required=False),
              F("release_basis", "string", "Where release_date comes from: articles; external (a cited document); or "
                "epoch, when the articles give no date or one inconsistent with Epoch AI's.", required=False,
                enum=["articles", "external", "epoch"]),
              F("release_date_precise", "date", "The most precise date consistent with release_date (Epoch AI's day "
                "where the articles give only the year or month), for plotting.", required=False),
              F("release_year", "integer", "Year of release_date.", required=False),
              F("country_group", "string", "China, United States or Rest of world, from the developers.", enum=COUNTRY_GROUPS),
              F("count_issues", "string", "Curated findings (known_issues.csv, possible_double_count) that say this "
                "entry and another may be one model.", required=False, list_sep="|"),
              F("epoch_parameters", "number", "Epoch AI's parameter count.", unit="parameters", required=False),
              F("epoch_publication_date", "date", "Epoch AI's publication date.", required=False),
          ), primary_key="entity_id"),
    Table("entities", "Entities", "Every entity the claims are about, from all entity tables, with its names in both languages.", (
        F("entity_id", "string", "Entity id.", unique=True, pattern=ID_PATTERN),
        F("entity_table", "string", "Entity table it comes from.", enum=ENTITY_TABLES),
        F("kind", "string", "Organisation kind, model scope, policy level, deployment status or other kind."),
        F("name_en", "string", "English name."),
        F("name_zh", "string", "Chinese name, or the English one where there is no Chinese form."),
        F("short_en", "string", "Short English name for charts."),
        F("short_zh", "string", "Short Chinese name for charts."),
        F("aliases", "string", "Spellings used in the articles.", required=False, list_sep="|"),
    ), primary_key="entity_id"),
    Table("facts", "Facts", "Claims merged across articles: one row per distinct value of a subject's attribute, with all supporting sources.", (
        F("fact_id", "string", "Fact id.", unique=True),
        F("subject", "string", "Entity.", references=ENTITY),
        F("subject_kind", "string", "Entity table of the subject."),
        F("attribute", "string", "Attribute."),
        F("kind", "string", "number, date or named.", enum=CLAIM_KINDS),
        F("value", "number", "Value in base units.", required=False),
        F("value_high", "number", "Upper end of a range.", required=False),
        F("unit", "string", "Unit.", required=False),
        F("date", "date", "ISO date.", required=False),
        F("object", "string", "Related entity.", required=False),
        F("qualifier", "string", "Hedge.", required=False),
        F("status", "string", "Kind of statement (see claims.status).", required=False, enum=STATUSES),
        F("as_of", "date", "Date the value describes.", required=False),
        F("anchor", "string", "The figure as printed in the first supporting claim (empty for external facts).", required=False),
        F("origin", "string", "articles, or external (with citation).", enum=["articles", "external"]),
        F("claim_ids", "string", "Claims merged into this fact.", required=False, list_sep="|"),
        F("source_ids", "string", "Articles supporting it.", required=False, list_sep="|"),
        F("n_sources", "integer", "Articles supporting it.", minimum=0),
        F("n_independent", "integer", "Supporting articles that do not copy another supporting article.", minimum=0),
        F("citation", "string", "Citation for external facts.", required=False),
        F("conflict", "boolean", "Another fact gives a different value for the same subject, attribute and as_of."),
        F("chosen", "boolean", "This is the value charts use for the subject and attribute."),
        F("choice_rule", "string", "Why it was or was not chosen.", required=False),
    ), primary_key="fact_id"),
    Table("events", "Timeline", "Every dated fact as one timeline.", (
        F("event_id", "string", "Event id.", unique=True),
        F("date", "date", "ISO date at its precision."),
        F("year", "integer", "Year."),
        F("precision", "string", "year, month or day.", enum=["year", "month", "day"]),
        F("subject", "string", "Entity.", references=ENTITY),
        F("subject_kind", "string", "Entity table."),
        F("event", "string", "What happened (the attribute, e.g. release_date)."),
        F("label_en", "string", "Short English label."),
        F("label_zh", "string", "Short Chinese label.", required=False),
        F("origin", "string", "articles, external (cited document) or epoch (Epoch AI's date replaces an "
          "article date it contradicts).", enum=["articles", "external", "epoch"]),
        F("source_ids", "string", "Articles that date it.", required=False, list_sep="|"),
        F("citation", "string", "Citation for external and Epoch AI dates.", required=False),
        F("article_date", "date", "The articles' date, where a cited or Epoch date replaces it.", required=False),
        F("status", "string", "planned, forecast, our_reading ... (see claims.status) when the date is not simply "
          "of something that happened.", required=False),
        F("conflict", "boolean", "Sources disagree on this date."),
    ), primary_key="event_id"),
    Table("compute", "Compute deployments", "GPU fleets and orders with counts, costs and dates, one row per deployment.", (
        F("entity_id", "string", "Deployment id.", unique=True),
        F("buyer", "string", "Owner or buyer (entity id)."),
        F("buyer_name", "string", "Owner or buyer, English."),
        F("buyer_name_zh", "string", "Owner or buyer, Chinese.", required=False),
        F("chip", "string", "Accelerator(s) (entity ids).", required=False, list_sep="|"),
        F("chip_names", "string", "Accelerator(s), as named.", required=False, list_sep="|"),
        F("purpose", "string", "What the compute is for.", required=False),
        F("status", "string", "ordered, delivered, planned, reported or ceiling.", enum=DEPLOYMENT_STATUSES),
        F("gpu_count", "number", "Number of accelerators as printed (the lower end for hedged counts).", unit="GPU", required=False),
        F("gpu_count_anchor", "string", "The count as printed.", required=False),
        F("gpu_count_qualifier", "string", "Hedge on the count.", required=False),
        F("gpu_count_status", "string", "estimate, planned ... when the count is not a reported fact.", required=False),
        F("gpu_count_low", "number", "Lowest count the printed figure allows (0 for a ceiling: a maximum "
          "configuration says nothing about how many are installed).", unit="GPU", required=False),
        F("gpu_count_high", "number", "Highest count the printed figure allows (empty: no upper bound).", unit="GPU", required=False),
        F("cost", "number", "Cost as printed.", required=False),
        F("cost_unit", "string", "Currency of cost.", required=False),
        F("cost_anchor", "string", "The cost as printed.", required=False),
        F("cost_qualifier", "string", "Hedge on the cost.", required=False),
        F("date", "date", "Date of the order, announcement or report.", required=False),
        F("claim_ids", "string", "Claims about this deployment.", list_sep="|"),
        F("source_ids", "string", "Supporting articles.", list_sep="|"),
        F("note", "string", "Notes.", required=False),
    ), primary_key="entity_id"),
    Table("policies", "Policies", "Rules and plans with their draft, adoption and effective dates.",
          RAW_TABLES["policies"].fields + (
              F("draft_date", "date", "Draft published for comment.", required=False),
              F("adopted_date", "date", "Adopted (for example at a CAC office meeting).", required=False),
              F("published_date", "date", "Promulgated or published.", required=False),
              F("effective_date", "date", "Takes effect.", required=False),
              F("date_origins", "string", "For each date: the claim ids (articles) or the external fact's citation.", required=False),
              F("article_dates", "string", "The dates the articles give, where they differ from the ones used.", required=False),
              F("draft_to_effect_days", "integer", "Days from draft to taking effect.", unit="days", required=False),
          ), primary_key="entity_id"),
    Table("verticals", "Vertical applications", "Industry models with the figures claimed for them.",
          RAW_TABLES["verticals"].fields + (
              F("claims", "string", "Figures claimed for it (attribute=value, qualifier).", required=False),
              F("source_ids", "string", "Supporting articles.", required=False, list_sep="|"),
          ), primary_key="entity_id"),
    Table("epoch_models", "Epoch AI notable models (normalised slice)", "Data: Epoch AI (epoch.ai), CC BY 4.0.", (
        F("model", "string", "Model name as in Epoch."),
        F("organization", "string", "Organisation(s) as in Epoch (empty where Epoch gives none).", required=False),
        F("publication_date", "date", "Publication date."),
        F("year", "integer", "Year of publication."),
        F("country", "string", "Country (of organization) as in Epoch.", required=False),
        F("country_group", "string", "China, United States, Rest of world, Multinational (China with others) or Unknown.", enum=COUNTRY_GROUPS),
        F("is_chinese", "boolean", "At least one organisation based in China."),
        F("parameters", "number", "Parameters (total for mixture-of-experts).", unit="parameters", required=False, minimum=0),
        F("training_compute_flop", "number", "Training compute.", unit="FLOP", required=False, minimum=0),
        F("training_hardware", "string", "Training hardware.", required=False),
        F("hardware_quantity", "number", "Number of chips used in training.", unit="chips", required=False, minimum=0),
        F("training_cost_usd_2023", "number", "Training compute cost.", unit="2023 USD", required=False, minimum=0),
        F("organization_category", "string", "Industry, Academia, ...", required=False),
        F("domain", "string", "Domain.", required=False),
        F("frontier_model", "boolean", "Epoch's frontier flag."),
    ), license="CC-BY-4.0 (Epoch AI)"),
    RAW_TABLES["epoch_notes"],
    Table("epoch_crosscheck", "Articles against Epoch AI", "Each article claim of a model's size or release date for a model Epoch AI lists, with the verdict.", (
        F("claim_id", "string", "Claim.", references="claims.claim_id"),
        F("source_id", "string", "Article."),
        F("model", "string", "Model id."),
        F("epoch_model", "string", "Epoch model name."),
        F("attribute", "string", "parameters or release_date.", enum=["parameters", "release_date"]),
        F("anchor", "string", "Figure or date as printed."),
        F("article_value", "number", "Article's parameter count.", unit="parameters", required=False),
        F("article_low", "number", "Lowest count the printed figure allows (rounding and hedge).", unit="parameters", required=False),
        F("article_high", "number", "Highest count the printed figure allows (empty: no upper bound).", unit="parameters", required=False),
        F("epoch_value", "number", "Epoch AI's parameter count.", unit="parameters", required=False),
        F("ratio", "number", "Article value / Epoch value.", required=False),
        F("article_date", "date", "Article's date.", required=False),
        F("epoch_date", "date", "Epoch AI's publication date.", required=False),
        F("verdict", "string", "agrees (Epoch's value within the printed figure's range, or the dates compatible), "
          "differs, or epoch_missing (Epoch lists the model without this value).", enum=["agrees", "differs", "epoch_missing"]),
        F("architecture", "string", "dense, moe or unknown.", enum=ARCHITECTURES),
    )),
    Table("discrepancies", "Discrepancies", "Every disagreement and error found: between articles, against Epoch, and curated findings.", (
        F("discrepancy_id", "string", "Id.", unique=True),
        F("kind", "string", "conflict, epoch_mismatch, or a curated kind."),
        F("subject", "string", "Entity.", required=False),
        F("attribute", "string", "Attribute.", required=False),
        F("claim_ids", "string", "Claims involved.", list_sep="|"),
        F("source_ids", "string", "Articles involved.", list_sep="|"),
        F("values", "string", "The values in disagreement."),
        F("resolution", "string", "What the charts use and why."),
        F("note", "string", "Explanation.", required=False),
        F("detected_by", "string", "build (found by code), reader (curated in known_issues.csv), or both.",
          enum=["build", "reader", "build and reader"]),
    ), primary_key="discrepancy_id"),
    Table("model_count_definitions", "What the model counts count", RAW_TABLES["model_count_definitions"].description,
          RAW_TABLES["model_count_definitions"].fields + (
              F("counts", "integer", "Rows of model_counts.csv under this definition.", minimum=0),
          ), primary_key="definition_id"),
    Table("model_counts", "Published counts of Chinese models",
          "The cited ledger of published counts (data/raw/model_counts.csv) with, for definition "
          "epoch_notable_chinese, one computed row per year from Epoch AI's table.",
          _clean_count_fields() + (
              F("year", "integer", "Year of as_of."),
              F("origin", "string", "ledger: a published count, typed from a cited source; computed: counted by the "
                "build from Epoch AI's table.", enum=["ledger", "computed"]),
              F("source_ids", "string", "Articles the count comes from (through claim_id).", required=False,
                list_sep="|", references="sources.source_id"),
          ), primary_key="count_id"),
]}
