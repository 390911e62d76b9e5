"""Every number the book quotes from a notebook, under a stable key, with what it means.

The book's prose quotes these with ``{glue:text}`notebooks/<notebook>.ipynb::<key>:<format>```.
A notebook may only glue keys listed here for it (:func:`hundred_models.notebook.glue`
checks), and a test checks that each notebook glues all of its keys, so a key can be
neither misspelt nor silently dropped.
"""
from __future__ import annotations

KEYS: dict[str, tuple[str, str]] = {
    # 01_history
    "hist_models_sized": ("01_history", "Models (by the counting rule) the articles give a size for, dated within the "
                                        "chosen years"),
    "hist_entries_sized": ("01_history", "Entries of any unit (models, families, architectures) the articles size"),
    "hist_not_models_n": ("01_history", "Of those, families and architectures, drawn but not counted as models"),
    "hist_not_models": ("01_history", "Their names and units"),
    "hist_ultra_n": ("01_history", "Sized models an article calls ultra-large (超大规模)"),
    "hist_ultra_names": ("01_history", "Their names"),
    "hist_ultra_low_bn": ("01_history", "Smallest printed size among them, billions of parameters"),
    "hist_ultra_high_bn": ("01_history", "Largest printed size among them, billions of parameters"),
    "hist_large_names": ("01_history", "Sized models an article calls large-scale (大规模)"),
    "hist_large_year": ("01_history", "Release year of the model(s) an article calls large-scale"),
    "hist_ultra_abroad_year": ("01_history", "Year article 000 gives for the start of ultra-large models abroad"),
    "hist_flagged": ("01_history", "Entries a curated finding says may be one model (possible double count)"),
    "hist_frontier_n": ("01_history", "Record-setting dense models used in the growth fit"),
    "hist_doubling_months": ("01_history", "Fitted doubling time of the largest dense models, months"),
    "hist_doubling_interval": ("01_history", "Its 95% interval in months, as a phrase ('3.5 to 5.7', or open above)"),
    "hist_growth_per_year": ("01_history", "Growth factor per year implied by the fit"),
    "hist_first_record": ("01_history", "First record-setting dense model in the fit"),
    "hist_last_record": ("01_history", "Last record-setting dense model in the fit"),
    "hist_largest_sparse": ("01_history", "Largest sparse total the articles give, parameters"),
    "hist_largest_sparse_name": ("01_history", "Model with that sparse total"),
    "hist_largest_sparse_label": ("01_history", "That model's English and Chinese names"),
    "hist_sparse_n": ("01_history", "Sparse mixture-of-experts totals among the articles' sizes"),
    "hist_sparse_to_dense": ("01_history", "Largest sparse total divided by the largest dense count"),
    "hist_checked": ("01_history", "Distinct printed sizes checked against Epoch AI"),
    "hist_agree": ("01_history", "Of those, sizes whose range includes Epoch AI's value"),
    "hist_differ": ("01_history", "Of those, sizes that cannot be squared with Epoch AI's value"),
    "hist_differ_phrase": ("01_history", "The same count as a clause that agrees with it ('one size is not')"),
    "hist_date_differ_phrase": ("01_history", "Release dates incompatible with Epoch AI, as a clause ('one release date is wrong')"),
    "hist_date_differ": ("01_history", "Release dates incompatible with Epoch AI's"),
    "hist_palm_anchor": ("01_history", "PaLM's size as article 001 prints it"),
    "hist_palm_epoch": ("01_history", "PaLM's size in Epoch AI's table, parameters"),
    "hist_last_year": ("01_history", "Last year in the window"),
    "hist_largest_china_last": ("01_history", "Largest Chinese notable model in the last year (parameters)"),
    "hist_largest_china_last_name": ("01_history", "Its name"),
    "hist_largest_world_last": ("01_history", "Largest notable model outside China in the last year (parameters)"),
    "hist_largest_world_last_name": ("01_history", "Its name"),
    # 02_players
    "players_llm_count": ("02_players", "Chinese models with at least a billion parameters, as counted in 2023"),
    "players_llm_count_date": ("02_players", "Month of that count"),
    "players_giants": ("02_players", "Organisations the articles class as giants"),
    "players_ai_companies": ("02_players", "Organisations the articles class as AI companies"),
    "players_research": ("02_players", "Organisations the articles class as research institutes"),
    "players_launches_2023": ("02_players", "Launches and moves dated in 2023"),
    "players_ernie_bot_gap_days": ("02_players", "Days between GPT-4 and ERNIE Bot"),
    "players_partnerships": ("02_players", "Partnerships that built a model or product together"),
    "players_ernie_family": ("02_players", "Models in Baidu's ERNIE family in November 2022"),
    "players_china_total": ("02_players", "Notable models by Chinese organisations in the window"),
    "players_china_2023": ("02_players", "Notable Chinese models in 2023"),
    "players_china_share_2023": ("02_players", "China's share of notable models in 2023, percent"),
    "players_china_share_last": ("02_players", "China's share of notable models in the last year, percent"),
    "players_last_year": ("02_players", "Last year in the window"),
    "players_first_year": ("02_players", "First year in the window"),
    "players_ernie_upgrade": ("02_players", "Month of the ERNIE family upgrade"),
    # 03_vertical_models
    "vert_offers": ("03_vertical_models", "Industry models and offers the articles name"),
    "vert_industries": ("03_vertical_models", "Application areas they serve"),
    "vert_xtrimo_class": ("03_vertical_models", "Size class of xTrimo's parameters"),
    "vert_emr_gain": ("03_vertical_models", "Unisound's projected gain in record-entry efficiency, percent (more than)"),
    "vert_maas_industries": ("03_vertical_models", "Industries in Tencent's MaaS offer"),
    "vert_maas_solutions": ("03_vertical_models", "Solutions in Tencent's MaaS offer (more than)"),
    "vert_costly_industries": ("03_vertical_models", "Industries where the articles say one error is too costly"),
    "vert_protein_sequences": ("03_vertical_models", "Protein sequences the life-science data runs to (at least)"),
    "vert_vendor_claims": ("03_vertical_models", "Vendor claims charted"),
    # 04_compute
    "comp_nvidia_share": ("04_compute", "Nvidia's share of AI training chips, percent (more than)"),
    "comp_altman_months": ("04_compute", "Doubling time of AI compute in article 004's restatement of Altman's 'new "
                                         "Moore's law', months"),
    "comp_altman_said_date": ("04_compute", "Date of Altman's post (US time)"),
    "comp_altman_said_months": ("04_compute", "Doubling time of 'intelligence' in Altman's post, months"),
    "comp_openai_months": ("04_compute", "Doubling time of compute in the largest training runs measured by OpenAI, months"),
    "comp_openai_year": ("04_compute", "Year of OpenAI's 'AI and Compute' post"),
    "comp_moore_months": ("04_compute", "Doubling time in Moore's law, months"),
    "comp_epoch_months": ("04_compute", "Measured doubling time of training compute, months"),
    "comp_epoch_interval": ("04_compute", "Its 95% interval in months, as a phrase ('4.1 to 5.2', or open above)"),
    "comp_epoch_models": ("04_compute", "Notable models with known training compute in the window"),
    "comp_growth_measured": ("04_compute", "Measured growth of training compute, factor per year"),
    "comp_growth_claim": ("04_compute", "Growth per year implied by the claimed doubling time"),
    "comp_growth_moore": ("04_compute", "Growth per year implied by Moore's law"),
    "comp_gpt3_cost_article": ("04_compute", "GPT-3 training cost quoted in article 001, US dollars"),
    "comp_gpt3_cost_epoch": ("04_compute", "Epoch AI's estimate of GPT-3's training compute cost, 2023 US dollars"),
    "comp_gpt3_gpus_epoch": ("04_compute", "GPUs Epoch AI records for GPT-3's training"),
    "comp_bytedance_gpus": ("04_compute", "GPUs ByteDance was expected to have (estimate)"),
    "comp_domestic_pairs": ("04_compute", "Chinese model-chip pairs in Epoch AI on Chinese-made chips"),
    "comp_all_pairs": ("04_compute", "All Chinese model-chip pairs in Epoch AI with known hardware"),
    # 05_policy
    "pol_rules": ("05_policy", "Rules, plans and letters the articles name"),
    "pol_genai_lag_days": ("05_policy", "Days from the draft generative AI measures to taking effect"),
    "pol_algo_lag_days": ("05_policy", "Days from draft to effect, algorithmic recommendation provisions"),
    "pol_deep_lag_days": ("05_policy", "Days from draft to effect, deep synthesis provisions"),
    "pol_genai_draft": ("05_policy", "Date of the draft generative AI measures"),
    "pol_genai_effective": ("05_policy", "Date the interim measures took effect"),
    "pol_genai_adopted": ("05_policy", "Date the interim measures were adopted"),
    "pol_genai_published": ("05_policy", "Date the interim measures were published"),
    "pol_letter_article_date": ("05_policy", "Date article 002 gives the open letter"),
    "pol_letter_date": ("05_policy", "Date of the open letter"),
    "pol_letter_signatories": ("05_policy", "Signatories of the open letter (more than)"),
    "pol_letter_pause_months": ("05_policy", "Pause the letter asks for, months (at least)"),
}


def keys_for(notebook: str) -> list[str]:
    return [k for k, (nb, _) in KEYS.items() if nb == notebook]
