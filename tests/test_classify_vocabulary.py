"""Which words evidence a service area or delivery model, and which only seem to (docs/taxonomy.md)."""

from shopwindow.classify import classify


def test_words_read_in_passing_do_not_decide_the_model():
    # An evaluation ("a review found") is not a redesign; an audit committee is not the back-office audit service.
    result = classify("A review by the audit committee found that the new contract had kept costs flat.")
    assert result.delivery_model is None and result.service_area is None


def test_moving_into_a_shared_building_is_about_assets_not_a_shared_service():
    result = classify("The fire service and the district council have moved into shared offices in the town centre.")
    assert result.delivery_model == "agile_working_assets"


def test_shared_ownership_homes_are_housing_not_a_shared_service():
    result = classify("The council will build forty shared ownership homes on the former depot site.")
    assert result.service_area == "housing" and "shared_service" not in result.model_scores


def test_selling_traded_services_is_income_generation_and_a_dividend_marks_a_company():
    assert classify("Its traded services sell payroll and cleaning to local academies.").delivery_model \
        == "commercialisation"
    assert classify("The council's building maintenance firm paid it a dividend of £400,000.").delivery_model \
        == "trading_company"


def test_raising_fees_and_fares_is_income_generation():
    assert classify("The council will raise fares on its harbour launches and review fees and charges "
                    "for marinas.").delivery_model == "commercialisation"


def test_councils_that_share_staff_or_a_director_run_a_shared_service():
    assert classify("Wealden and Rother have appointed a joint director of environmental services.").delivery_model \
        == "shared_service"
    assert classify("The two boroughs agreed to share a single licensing team.").delivery_model == "shared_service"


def test_pooling_budgets_with_the_nhs_is_integration_not_a_shared_service():
    result = classify("The county and the local health board pooled their budgets for community equipment.")
    assert result.delivery_model == "health_integration"


def test_renegotiating_and_retendering_are_procurement():
    result = classify("The council renegotiated its vehicle insurance and re-tendered its print contract.")
    assert result.delivery_model == "procurement"


def test_a_budget_page_that_lists_proposals_from_several_services_is_whole_council():
    result = classify("Our budget\n\nWe face a shortfall of £12m by 2027. Proposals include fewer grass cuts in "
                      "parks, charging for garden waste and shorter library opening hours.")
    assert result.service_area == "whole_council"


def test_a_service_page_that_names_the_budget_gap_in_passing_keeps_its_service():
    result = classify("To help close a £5m budget gap, the council will merge its two leisure centres and move "
                      "one library into the town hall.")
    assert result.service_area == "culture_leisure"


def test_the_councils_own_workforce_offices_and_fraud_work_are_the_back_office():
    assert classify("The borough halved its spending on agency staff by recruiting permanent officers.").service_area \
        == "back_office"
    result = classify("Moving staff out of the old civic centre freed office space that is now let to a charity.")
    assert result.service_area == "back_office"


def test_fraud_prevention_is_not_prevention_of_demand():
    result = classify("A data matching project recovered £300,000 through fraud prevention last year.")
    assert result.service_area == "back_office" and "demand_management" not in result.model_scores


def test_helping_people_live_independently_is_adult_social_care_and_family_hubs_are_childrens_services():
    assert classify("Home adaptations help older residents live independently for longer.").service_area \
        == "adult_social_care"
    result = classify("Three family hubs now offer parenting courses and early help under one roof.")
    assert (result.service_area, result.delivery_model) == ("childrens_services", "demand_management")


def test_paying_providers_for_outcomes_is_commissioning_and_a_transformation_fund_is_no_redesign():
    assert classify("The county now pays providers by results under a payment by results contract for "
                    "supported housing.").delivery_model == "strategic_commissioning"
    assert classify("The region bid for £20m from the government's transformation fund.").delivery_model is None


def test_redesigning_in_any_tense_is_service_redesign():
    assert classify("Officers are redesigning the blue badge process around what applicants need.").delivery_model \
        == "service_redesign"


def test_care_technology_and_video_appointments_are_a_digital_model():
    assert classify("Falls sensors and other telecare let 800 residents manage at home.").delivery_model \
        == "digital_channel_shift"
    assert classify("Occupational therapists now hold video consultations with families.").delivery_model \
        == "digital_channel_shift"


def test_leases_and_pool_cars_are_assets_and_delayed_discharges_are_adult_social_care():
    assert classify("Giving up two leases and twenty pool cars saves £90,000 a year.").delivery_model \
        == "agile_working_assets"
    assert classify("A new team cut delayed discharges from the city hospital by half.").service_area \
        == "adult_social_care"


def test_a_joint_team_of_two_councils_is_a_shared_service_but_a_joint_contract_is_procurement():
    assert classify("Torridge and North Devon run a joint building control team.").delivery_model == "shared_service"
    assert classify("The county and the city signed a joint contract for library books.").delivery_model \
        == "procurement"


def test_singular_names_of_services_count_like_their_plurals():
    assert classify("The county's archive moved to a new search room.").service_area == "culture_leisure"
    assert classify("A regional regulatory service now covers three boroughs.").service_area == "regulatory_services"


def test_jobs_named_in_passing_are_not_economic_development():
    # A jobs-board block under an article, or jobs kept by a decision, are not the subject.
    assert classify("Planning jobs\nSenior Planning Officer\nRutland County Council\n£41,000").service_area != \
        "economic_development"
    assert classify("The employment programme helped 900 residents who found jobs last year.").service_area \
        == "economic_development"


def test_who_reports_a_saving_is_not_its_service():
    result = classify("The director of finance told the cabinet that the new grounds maintenance contract "
                      "saves £90,000.")
    assert result.service_area == "waste_environment"


def test_benefits_and_reorganisation_count_only_in_their_council_sense():
    # "the benefits of sharing" and a library reorganisation are not benefits administration or a new council.
    assert classify("The benefits of the new approach were clear to staff.").service_area is None
    assert classify("The reorganisation of the library service saves £300,000.").service_area == "culture_leisure"
    assert classify("Housing benefit claims are now assessed in two days.").service_area == "back_office"


def test_government_commissioners_and_scrutiny_commissions_are_not_commissioning():
    result = classify("Commissioners sent in by the government will oversee the council's spending. The scrutiny "
                      "commission meets on Monday.")
    assert "strategic_commissioning" not in result.model_scores


def test_buildings_named_in_passing_are_not_an_asset_programme():
    # Solar panels on council buildings are an energy scheme; money "of its own" is not insourcing.
    result = classify("Solar panels on 20 council buildings will save £80,000 a year, and the council will add "
                      "£50,000 of its own.")
    assert result.delivery_model is None
    result = classify("Library, police desk and leisure centre now sit under one roof, and older buildings were sold.")
    assert result.delivery_model == "agile_working_assets"


def test_councils_replaced_by_one_unitary_are_a_merger_and_so_a_shared_service():
    result = classify("The county and its seven districts will be replaced by a single unitary council in 2027.")
    assert (result.service_area, result.delivery_model) == ("whole_council", "shared_service")


def test_a_chief_executive_quoted_in_passing_is_not_a_whole_council_change():
    result = classify("The new kerbside food waste round starts in May, the council's chief executive said.")
    assert result.service_area == "waste_environment"
    result = classify("Two districts have run a shared management arrangement since 2012.")
    assert (result.service_area, result.delivery_model) == ("whole_council", "shared_service")


def test_a_phrase_that_begins_with_another_categorys_words_keeps_its_own_meaning():
    # The scan takes the longest phrase at a word: "new council" must not swallow "new council homes".
    assert classify("The council will build 200 new council homes on the old depot site.").service_area == "housing"
    assert classify("Volunteers now manage the nature reserves.").service_area == "waste_environment"


def test_services_a_saving_spared_are_not_the_subject():
    text = ("The borough's pact with residents trimmed £60m from its running costs without closing a single "
            "library or leisure centre.")
    assert classify(text).service_area != "culture_leisure"
    assert classify("The council closed a library and a leisure centre to save money.").service_area == "culture_leisure"


def test_councils_replaced_by_unitaries_or_one_management_team_are_a_whole_council_merger():
    for text in ("From next April the county and its five districts give way to two unitary authorities.",
                 "The Welsh local government reform programme would cut the number of authorities by half.",
                 "After the merger date a single management team led both halves of the new authority."):
        result = classify(text)
        assert (result.service_area, result.delivery_model) == ("whole_council", "shared_service"), text


def test_the_councils_overall_money_and_a_savings_plan_across_directorates_are_whole_council():
    assert classify("As revenue support grant falls away, the savings plan trims parks, library hours and "
                    "bin rounds.").service_area == "whole_council"
    assert classify("Falls in core spending power have hit every district in the region.").service_area \
        == "whole_council"
    assert classify("Savings by directorate: adult care £1m, children's services £2m, waste £0.5m.").service_area \
        == "whole_council"


def test_one_services_grant_or_overspend_does_not_make_the_page_whole_council():
    # A grant for pothole repairs, or an overspend driven by one service, belongs to that service.
    assert classify("A government grant of £500,000 will pay for pothole repairs on rural roads.").service_area \
        == "transport"
    assert classify("The county expects an overspend this year on children's placements.").service_area \
        == "childrens_services"


def test_the_councils_office_buildings_and_operational_estate_are_the_back_office():
    result = classify("Giving up three office buildings has shrunk the operational estate by a fifth.")
    assert result.service_area == "back_office"


def test_a_fleet_of_vans_is_transport():
    assert classify("Forty vans at the depot now run on electricity.").service_area == "transport"


def test_opening_hours_belong_to_the_service_that_opens_not_to_customer_services():
    result = classify("Two branch libraries will open on fewer days under shorter opening hours.")
    assert result.service_area == "culture_leisure" and "customer_services" not in result.area_scores


def test_plural_and_passive_names_of_council_companies_are_trading_companies():
    for text in ("The county's trading companies sell cleaning and catering to schools.",
                 "A holding company owns the borough's three firms.",
                 "The energy company it set up in 2016 never turned a profit.",
                 "The catering firm is jointly owned by three neighbouring authorities.",
                 "Joint ventures with a private firm now run the depots."):
        assert classify(text).delivery_model == "trading_company", text


def test_community_interest_companies_are_mutuals():
    assert classify("Village groups formed community interest companies to take on the halls.").delivery_model \
        == "mutual"


def test_preventing_need_is_demand_management():
    for text in ("A triage model at the front door steers families to the right help.",
                 "The council funds preventative services such as befriending and debt advice.",
                 "Caseworkers take a whole-family approach to rent arrears.",
                 "Handyperson visits help residents stay independent in their own homes.",
                 "The redesign has reduced demand for emergency beds."):
        assert classify(text).delivery_model == "demand_management", text


def test_tenders_procuring_and_a_contract_award_are_procurement():
    assert classify("Six tenders arrived for the grounds contract.").delivery_model == "procurement"
    assert classify("Procuring together cut the price of road salt.").delivery_model == "procurement"
    assert classify("Contract award: street lighting maintenance, four years.").delivery_model == "procurement"


def test_buying_commercial_property_for_its_rent_is_income_generation():
    assert classify("The borough borrowed to buy commercial property for its rental income.").delivery_model \
        == "commercialisation"
    assert classify("Its commercial investments were written down last year.").delivery_model == "commercialisation"


def test_a_change_programme_is_a_redesign():
    assert classify("The change programme reshaped how teams plan their work.").delivery_model == "service_redesign"


def test_a_service_to_be_run_directly_is_insourcing_but_a_bus_that_runs_directly_is_not():
    assert classify("The parks service will be run directly from next year.").delivery_model == "insourcing"
    assert "insourcing" not in classify("The new X7 bus will run directly to the hospital.").model_scores


def test_a_page_about_council_funding_nationally_is_whole_council():
    # Settlements, core funding and financial resilience describe councils' money, not one service.
    result = classify("The provisional settlement raises core funding by 4%, but the think tank warns that "
                      "financial resilience is weakest where social care takes most of the budget.")
    assert result.service_area == "whole_council"


def test_savings_listed_by_service_and_efficiency_savings_are_whole_council():
    result = classify("Appendix B sets out savings by service: fewer library hours, a review of bus subsidies "
                      "and new charges at the tip, as part of efficiency savings of £8m.")
    assert result.service_area == "whole_council"


def test_finance_directors_who_report_a_figure_are_not_the_back_office():
    result = classify("Finance directors told the survey that the section 114 risk had grown since last year.")
    assert result.service_area == "whole_council" and "back_office" not in result.area_scores


def test_councils_replaced_by_their_successor_are_a_merger():
    result = classify("Since the former councils combined, the new authority has cut costs against the budgets "
                      "of its predecessor councils.")
    assert result.service_area == "whole_council"


def test_merging_back_offices_is_a_shared_back_office_not_office_space():
    result = classify("Four districts will combine their back offices before reorganisation.")
    assert (result.service_area, result.delivery_model) == ("back_office", "shared_service")
    assert "agile_working_assets" not in result.model_scores


def test_everyday_service_words_name_their_service():
    assert classify("Charges for community alarms and meals on wheels will rise in April.").service_area \
        == "adult_social_care"
    assert classify("Heat pumps were fitted to three hundred council houses.").service_area == "housing"
    assert classify("Resurfacing of the road network and carriageway repairs fell behind.").service_area \
        == "transport"
    assert classify("Robots now handle council tax and benefits changes overnight.").service_area == "back_office"


def test_working_to_prevent_need_is_demand_management():
    assert classify("A team focused on preventing homelessness visits tenants as soon as notice is "
                    "served.").delivery_model == "demand_management"
    assert classify("The county uses family group conferencing to keep children out of care.").delivery_model \
        == "demand_management"


def test_buying_through_frameworks_or_a_buying_team_is_procurement():
    assert classify("Councils buy placements through regional frameworks.").delivery_model == "procurement"
    assert classify("A regional buying organisation lets the energy contract for its members.").delivery_model \
        == "procurement"


def test_fare_rises_are_income_and_selling_off_buildings_is_assets():
    assert classify("A fare rise on the island ferries will bring in more fare income.").delivery_model \
        == "commercialisation"
    assert classify("The council will sell off a depot and two empty halls it no longer needs.").delivery_model \
        == "agile_working_assets"


def test_a_company_the_council_wholly_owns_is_a_trading_company():
    result = classify("Parks are maintained by a company wholly owned by the borough; taking the work back "
                      "in-house was ruled out.")
    assert result.delivery_model == "trading_company"


def test_a_budget_monitoring_page_or_savings_tracker_is_about_the_whole_council():
    text = ("Budget monitoring report, period 6. Children's placements are overspent and adult care packages "
            "cost more than planned; the savings tracker shows most budget action plans on track.")
    assert classify(text, title="Budget monitoring: period 6").service_area == "whole_council"
