"""Chapter 3, vertical models: the industry offers, what their makers claim, where errors cost most."""
from __future__ import annotations

from .. import style
from ..charts.render import chart_data
from ..load import chosen_fact, load
from ..notebook import Chapter, count_text, key_figures, table
from ..params import Params

NOTEBOOK = "03_vertical_models"
LIFE_SCIENCE_SUBJECTS = ["protein-sequence-data", "single-cell-omics", "xtrimo"]


def summary(p: Params) -> Chapter:
    verticals = load("verticals", p.data_dir)
    claimed = chart_data("vertical-claims", p)
    tolerance = chart_data("vertical-error-tolerance", p)
    facts = load("facts", p.data_dir)
    life = facts[facts["subject"].isin(LIFE_SCIENCE_SUBJECTS) & (facts["kind"] == "number")]
    costly = tolerance[(tolerance["evidence"] == "high_error_cost") & tolerance["present"]]

    def value(subject, attribute) -> float:
        return float(chosen_fact(facts, subject, attribute)["value"])

    chapter = Chapter(NOTEBOOK)
    chapter.tables = {
        "offers": table(verticals[["name_en", "name_zh", "industry", "provider", "model", "claims", "source_ids"]],
                        "vertical-offers"),
        "claims": table(claimed, "vertical-claims"),
        "tolerance": table(tolerance.pivot(index="industry", columns="evidence", values="present").reset_index(),
                           "vertical-tolerance"),
        "life": table(life[["subject", "attribute", "anchor", "value", "qualifier", "claim_ids"]].assign(
            value=life["value"].map(count_text)), "vertical-life"),
    }
    chapter.glue = dict(
        vert_offers=len(verticals), vert_industries=verticals["industry"].nunique(),
        vert_emr_gain=value("shanhai-medical", "emr_entry_efficiency_gain"),
        vert_maas_industries=int(value("tencent-maas", "industries")),
        vert_maas_solutions=int(value("tencent-maas", "solutions")),
        vert_costly_industries=len(costly), vert_vendor_claims=len(claimed),
        vert_protein_sequences=value("protein-sequence-data", "sequences"),
        vert_xtrimo_class=style.short_number(value("xtrimo", "parameters")))
    chapter.key_figures = key_figures([
        ("Industry models and offers named", len(verticals), "offers", "articles 002, 004"),
        ("Application areas they serve", verticals["industry"].nunique(), "areas", "articles 002, 004"),
        ("Shanhai: record-entry efficiency gain (more than; vendor projection)",
         value("shanhai-medical", "emr_entry_efficiency_gain"), "percent", "article 004"),
        ("Shanhai: time saved per consultation (more than; vendor projection)",
         value("shanhai-medical", "consultation_time_saved"), "percent", "article 004"),
        ("Shanhai: outpatient efficiency gain (more than; vendor projection)",
         value("shanhai-medical", "outpatient_efficiency_gain"), "percent", "article 004"),
        ("Tencent MaaS: industries", int(value("tencent-maas", "industries")), "industries", "article 004"),
        ("Tencent MaaS: solutions (more than)", int(value("tencent-maas", "solutions")), "solutions", "article 004"),
        ("Industries where one error is too costly", len(costly), "industries", "article 004"),
        ("Protein sequences (billions, up to tens of billions)", value("protein-sequence-data", "sequences"), "sequences",
         "article 002"),
    ])
    return chapter
