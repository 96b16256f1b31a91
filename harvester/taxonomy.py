"""The taxonomy: service areas and delivery models, each a slug, a label and the phrases that evidence it.

Kept apart from :mod:`shopwindow.classify` (which scores a text against it) so the vocabulary can be read
and extended in one place; ``docs/taxonomy.md`` documents every slug.
"""

from __future__ import annotations

SERVICE_AREAS: dict[str, tuple[str, list[str]]] = {
    "adult_social_care": ("Adult social care", [
        "adult social care", "adults' services", "adult services", "care home", "care homes", "home care",
        "domiciliary care", "reablement", "older people", "learning disabilities", "learning disability",
        "care package", "care packages", "telecare", "assistive technology", "care technology", "carers",
        "extra care", "day services", "direct payments", "social workers", "hospital discharge", "dementia",
        "supported living", "residential care", "care market", "delayed discharge", "delayed discharges",
        "discharge to assess", "bed days", "care workers", "social care", "care at home", "homecare",
        "local area coordination", "falls prevention", "occupational therapy", "live independently",
        "living independently", "independent living", "stay independent",
        "community alarm", "community alarms", "meals on wheels"]),
    "childrens_services": ("Children's services", [
        "children's services", "children's social care", "looked after children", "children in care", "foster",
        "fostering", "foster carers", "adoption", "care leavers", "send", "special educational needs", "early help",
        "family support", "troubled families", "supporting families", "youth service", "schools", "education",
        "safeguarding children", "children's homes", "young people", "early years", "nursery", "children",
        "families", "pupils", "child", "family hubs", "family hub", "children's centres", "reception class",
        "reception classes"]),
    "public_health": ("Public health", [
        "public health", "smoking", "stop smoking", "obesity", "health visiting", "sexual health",
        "substance misuse", "drug and alcohol", "physical activity", "health inequalities", "health checks",
        "wellbeing", "loneliness", "mental health", "healthy lifestyles", "social prescribing",
        "long-term conditions", "health and wellbeing", "gp", "gps", "smoking cessation", "alcohol"]),
    "housing": ("Housing and homelessness", [
        "housing", "homelessness", "homeless", "temporary accommodation", "social housing", "council homes",
        "council housing", "tenants", "rough sleeping", "rough sleepers", "landlords", "empty homes",
        "disabled facilities grant", "affordable homes", "housing repairs", "bed and breakfast", "warm homes",
        "insulation", "boilers", "fuel poverty", "repairs", "tenancy", "tenements", "private rented",
        "housing association", "lettings", "shared ownership", "shared repairs", "new council homes",
        "new council houses", "new council housing", "council houses"]),
    "planning": ("Planning and building control", [
        "planning", "planning applications", "local plan", "building control", "development management",
        "conservation", "planning service"]),
    "waste_environment": ("Waste and environment", [
        "waste", "recycling", "bins", "bin collections", "refuse", "street cleaning", "fly-tipping", "fly tipping",
        "grounds maintenance", "parks", "green spaces", "climate", "carbon", "net zero", "solar", "food waste",
        "garden waste", "environmental services", "energy efficiency", "trees", "flood", "bin", "bin rounds",
        "collection rounds", "household waste", "landfill", "waste collection", "district heating", "heat network",
        "biomass", "renewable", "renewables", "street scene", "cemeteries", "district energy", "nature reserve",
        "nature reserves"]),
    "transport": ("Transport and highways", [
        "transport", "highways", "roads", "potholes", "pothole", "parking", "street lighting", "buses", "bus services",
        "fleet", "home to school transport", "school transport", "travel", "cycling", "traffic", "vehicles",
        "winter gritting", "led lanterns", "vans", "electric vehicles", "street lights", "street lamps", "lamp posts", "led street lighting",
        "led", "highway", "taxis", "car parks", "car parking", "concessionary fares", "passenger transport", "bus",
        "bus routes", "patient transport", "ferry", "ferries", "road network", "carriageway", "carriageways",
        "resurfacing"]),
    "economic_development": ("Economic development and regeneration", [
        "economic development", "regeneration", "business support", "found jobs", "find jobs", "jobseekers",
        "job seekers", "job creation", "skills", "employment", "town centre", "inward investment", "high street",
        "tourism", "apprenticeships", "local economy", "businesses", "enterprise zone", "business park",
        "growth deal", "city deal", "unemployment", "unemployed", "employers", "into work", "in-work",
        "shared prosperity fund"]),
    "customer_services": ("Customer services", [
        "customer services", "customer service", "contact centre", "call centre", "customer contact",
        "one stop shop", "complaints", "enquiries", "phone calls", "residents contact", "chatbot",
        "customer access", "web forms", "front desk", "reception", "avoidable contact", "virtual assistant",
        "online account", "answer questions", "call handling", "phoning", "channel shift"]),
    "back_office": ("Back office and corporate services", [
        "back office", "back-office", "hr", "human resources", "payroll", "finance", "procurement", "ict",
        "it services", "legal services", "legal service", "legal team", "legal teams", "internal audit",
        "audit service", "revenues and benefits", "council tax collection", "business rates", "debt recovery",
        "transactional services", "office accommodation", "corporate services", "insurance", "pensions",
        "energy contracts", "accounts payable", "it", "data centre", "printing", "facilities management",
        "property services", "support services", "revenues", "housing benefit", "benefits assessment",
        "benefit claims", "benefits service", "benefits team", "shared staff", "democratic services",
        "corporate and democratic services", "energy contract", "corporate contracts", "council tax support",
        "council tax reduction", "utilities", "electricity and gas", "agency staff", "agency spending",
        "agency spend", "agency workers", "agency bill", "sickness absence", "fraud", "counter-fraud",
        "fraud prevention", "civic centre", "council offices", "office space",
        "office buildings", "operational buildings", "operational estate",
        "council tax and benefits", "back offices", "buying organisation"]),
    "regulatory_services": ("Regulatory services", [
        "trading standards", "environmental health", "licensing", "food safety", "food hygiene", "pest control",
        "noise", "regulatory services", "regulatory service", "port health", "enforcement", "scams",
        "building regulations", "taxi licensing", "animal welfare", "air quality"]),
    "community_safety": ("Community safety", [
        "community safety", "antisocial behaviour", "anti-social behaviour", "cctv", "domestic abuse", "crime",
        "emergency planning"]),
    "culture_leisure": ("Culture, leisure and libraries", [
        "libraries", "library", "leisure centres", "leisure centre", "leisure", "museums", "museum", "arts",
        "sport", "culture", "theatre", "swimming pools", "community centres", "community buildings", "archives",
        "archive", "heritage"]),
    # A programme that changes the whole council: its pages name services only as examples ("not one library
    # has closed"), so an incidental service word must not decide the area (see WHOLE_COUNCIL and _best_area).
    "whole_council": ("Whole-council transformation", [
        "transformation programme", "transformation programmes", "change programme", "savings programme",
        "efficiency programme", "improvement programme", "whole-council", "whole council", "council-wide",
        "organisation-wide", "across the council", "every service", "all services", "all council services",
        "front-line services", "frontline services", "front line services", "protect services",
        "protected services", "corporate strategy", "budget strategy", "medium-term financial strategy",
        "medium term financial strategy", "operating model", "corporate transformation", "business transformation",
        "organisational change", "council-wide transformation", "new relationship with residents",
        "shared chief executive", "shared management team", "single officer team", "one officer team",
        "merged their workforces", "single workforce", "merger", "new council", "revenue budget",
        "every department", "all departments", "set a budget", "budget setting", "budget-setting",
        "shared management", "shared management team", "joint management team", "shared senior management",
        "senior management", "one chief executive",
        "single chief executive", "joint chief executive", "shared a chief executive", "sharing a chief executive",
        "shares a chief executive", "unitary", "local government reorganisation",
        "councils merged", "merger of", "organisations together", "budget consultation", "budget proposals",
        "savings proposals", "council tax increase", "reserves", "unitary authority", "single council", "outturn",
        "general fund", "underspent", "share its chief executive", "budget gap", "funding gap", "budget shortfall",
        "shortfall", "financial sustainability", "financial position", "balanced budget", "balance the budget",
        "balance its budget", "revenue budgets", "council tax rise", "raise council tax", "deficit", "section 114",
        "need to save", "overspends", "spending review", "our budget", "share a chief executive",
        "share their chief executive",
        "unitary authorities", "unitary councils", "local government reform", "single management team",
        "replaced by a single council", "savings plan", "savings plans",
        "revenue support grant", "core spending power", "across directorates", "all directorates",
        "every directorate", "how the council works", "by directorate",
        "budget monitoring", "where your money goes", "statement of accounts", "financial health", "savings tracker",
        "budget action plans", "budget reductions",
        "savings programmes", "savings by service", "savings planning", "revenue spending", "government funding",
        "core funding", "core revenue funding", "council funding", "councils' funding", "local government finance",
        "local government settlement", "finance settlement", "provisional settlement", "exceptional financial support",
        "financial resilience", "spending power", "efficiency savings", "former councils", "predecessor councils",
        "rates support grant", "merge their workforces", "legal budget"]),
}
WHOLE_COUNCIL = "whole_council"

# Phrases whose words would evidence something they do not mean: "shared ownership" is housing, not a shared
# service; "director of finance" names who reports, not the subject. Found whole, a phrase here scores nothing
# in a taxonomy that does not list it.
OTHER_MEANINGS = [
    "shared ownership", "shared repairs", "shared prosperity fund", "fraud prevention", "transformation fund",
    "transformation funding", "director of finance", "finance director", "head of finance", "finance committee",
    "finance update", "finance report", "cabinet member for finance", "scrutiny commission", "audit commission",
    "government commissioners", "government-appointed commissioners", "commissioners sent",
    "police and crime commissioner", "fire and crime commissioner",
    "finance directors", "finance chiefs", "back offices",
]

DELIVERY_MODELS: dict[str, tuple[str, list[str]]] = {
    "shared_service": ("Shared service", [
        "shared service", "shared services", "shared management", "joint management team", "shared chief executive",
        "shared senior management", "joint team", "single team", "share services", "sharing services",
        "shared team", "joint committee", "across both councils", "two councils", "three councils",
        "shared management team", "merged their", "partnership of councils", "joint service", "one team",
        "single officer team", "shared staff", "shared workforce", "single workforce", "joint working",
        "both councils", "partner councils", "neighbouring councils", "strategic alliance", "jointly", "merged",
        "merger", "consortium", "one workforce", "one headquarters", "shared", "combining", "combined service",
        "tri-borough", "two boroughs", "three boroughs", "joint arrangement", "joint director", "joint directors",
        "joint head", "share staff", "shares staff", "sharing staff", "single unitary", "new unitary", "unitary council", "unitary councils",
        "unitary authorities",
        "replaced by a single", "joint", "merging", "pooled their",
        "agreed to share", "share a single", "sharing back office", "share back office", "councils share",
        "waste partnership", "share its chief executive", "share a chief executive", "share their chief executive",
        "single management team", "local government reform", "local government reorganisation",
        "combine their", "merge their"]),
    "strategic_commissioning": ("Strategic commissioning", [
        "strategic commissioning", "commissioning council", "commissioning model", "outcomes-based commissioning",
        "commissioned", "commissioning", "commissioners", "commissioning strategy", "provider market",
        "jointly commission", "jointly commissioned", "joint commissioning", "paid for outcomes",
        "payment by results", "outcome-based", "outcomes-based", "social impact bond"]),
    "mutual": ("Mutual, social enterprise or co-operative", [
        "mutual", "employee-owned", "staff-owned", "social enterprise", "spin-out", "spun out",
        "community interest company", "community interest companies", "cic", "co-operative", "cooperative", "public service mutual",
        "leisure trust", "not-for-profit", "charitable trust"]),
    "trading_company": ("Trading company or joint venture", [
        "trading company", "local authority trading company", "latc", "wholly owned company",
        "wholly-owned company", "council-owned company", "teckal", "arm's length", "almo", "joint venture",
        "dividend", "dividends", "in-house company", "set up a company", "formed a company", "created a company",
        "commercial arm", "joint ventures", "trading organisation", "council company", "trading companies",
        "holding company", "company it set up", "jointly owned", "owned company", "limited company", "company owned by", "wholly owned",
        "joint venture company", "property company", "housing company", "energy company", "company it owns",
        "owned by the council", "council-owned", "company wholly owned", "wholly owns", "company the council owns"]),
    "outsourcing_partnership": ("Outsourcing or private partnership", [
        "outsourcing", "outsourced", "outsource", "private sector partner", "strategic partnership", "pfi",
        "contracted out", "external provider", "contract with", "private partner", "partnership with",
        "delivery partner", "contractor", "contractors", "private sector", "outsourcing contract", "contracts with",
        "contracted to"]),
    "insourcing": ("Bringing services back in-house", [
        "insourcing", "insourced", "brought back in-house", "back in-house", "brought in-house", "in-house",
        "council-run", "run by the council", "its own workforce", "own workforce", "own staff",
        "be run directly"]),
    "digital_channel_shift": ("Digital and channel shift", [
        "digital", "online", "channel shift", "self-service", "app", "automation", "robotic process automation",
        "rpa", "artificial intelligence", "ai", "chatbot", "website", "data analytics", "predictive analytics",
        "cloud", "digitise", "digitising", "digitised", "digitisation", "digitalisation", "sensors",
        "machine learning", "software", "apps", "telecare", "assistive technology", "care technology", "technology",
        "video calls", "video consultations", "video conferencing", "portal", "e-forms", "online forms", "web chat"]),
    "agile_working_assets": ("Agile working and assets", [
        "agile working", "flexible working", "hot desking", "hot-desking", "office rationalisation", "assets",
        "asset review", "estate", "property rationalisation", "co-location", "co-located", "one public estate",
        "disposal", "disposals", "smarter working", "hybrid working", "office space", "fewer buildings",
        "older buildings", "surplus buildings", "building closures", "closing buildings", "under one roof",
        "community campus", "community campuses", "buildings shared", "offices shared", "accommodation strategy",
        "sold", "shared desks", "work from home", "working from home", "home working", "offices", "headquarters",
        "co-locate", "shared building", "shared buildings", "shared headquarters", "shared office",
        "shared offices", "share buildings", "shares buildings", "sharing buildings", "share offices",
        "office estate", "capital receipts", "community asset transfer", "asset transfer", "surplus property",
        "property rationalisation", "desks", "sell off", "selling off", "sold off",
        "lease", "leases", "leasing", "pool cars", "civic centre",
        "four-day week", "four-day working week", "compressed hours", "smaller offices"]),
    "health_integration": ("Integration with health and other public services", [
        "integration", "integrated", "integrated care", "nhs", "health and social care", "pooled budget",
        "better care fund", "section 75", "pooled budgets", "pooled their budgets", "clinical commissioning group",
        "ccg", "hospital", "public services hub", "blue light", "police", "fire and rescue",
        "integrated care board", "icb", "gps", "social prescribing", "health partners", "shared care record",
        "care record"]),
    "demand_management": ("Prevention and demand management", [
        "prevention", "preventative", "early intervention", "demand management", "managing demand",
        "strengths-based", "asset-based", "three conversations", "different conversations", "community-led", "behaviour change",
        "reduce demand", "reduced demand", "reducing demand", "preventative services", "whole-family", "triage",
        "live independently", "living independently", "stay independent", "independence", "nudge", "early help", "local area coordination", "falls prevention",
        "family hubs", "family hub", "reablement", "preventing homelessness", "prevent homelessness",
        "homelessness prevention", "preventative approach", "prevention approach", "family group conferencing"]),
    "procurement": ("Procurement and contract management", [
        "procurement", "renegotiated", "renegotiation", "contract management", "collaborative procurement",
        "framework", "frameworks", "procurement consortium", "procurement team", "buying team",
        "buying organisation", "buying consortium", "purchasing consortium", "buying service", "buying",
        "purchasing", "suppliers", "re-tendered", "retendering", "tender",
        "collaborative contracts", "collaborative contract", "joint procurement", "joint contracts",
        "joint contract", "renegotiating", "renegotiate", "re-tendered", "re-tendering", "tendering", "tendered",
        "procured", "jointly procured", "re-procured", "re-procuring", "procuring", "tenders", "contract award", "buying together", "framework agreement"]),
    "commercialisation": ("Commercialisation and income generation", [
        "commercial", "commercialisation", "income generation", "generate income", "selling services",
        "advertising", "sponsorship", "investment property", "traded", "selling", "traded services",
        "commercial income", "commercial investment", "commercial investments", "commercial property", "extra income", "additional income", "generated income", "generating income",
        "fees and charges", "charging for", "raise fares", "increase fares", "raise charges", "increase charges",
        "fare income", "fares rise", "fare rise", "fare rises", "fare increase", "fare increases"]),
    "service_redesign": ("Service redesign and lean", [
        "lean", "systems thinking", "vanguard", "redesign", "redesigned", "restructure", "restructured",
        "process review", "transformation", "new operating model", "redesigning", "re-design", "re-designed",
        "restructures", "operating model", "service review", "service reviews", "restructuring",
        "management structure", "change programme", "transformation programme"]),
}
