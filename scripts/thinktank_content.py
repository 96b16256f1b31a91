"""Text of the thinktank reports in the offline snapshot, written for Shop Window.

Each report stands for a real publication (its landing page and PDF addresses are the real ones as
best known); the prose and the choice of case studies are ours, not the report's. Schemes are real;
figures follow public reporting where known and are otherwise illustrative.
``scripts/build_snapshot_pdfs.py`` turns it into landing pages and PDFs.

A case study is (heading style, council, scheme, paragraphs). Heading styles: ``box`` draws a boxed
"Case study: <council> - <scheme>" panel; ``plain`` prints "<council>: <scheme>" as a heading;
``twoline`` prints "Case study: <council>" with the scheme on the next line; ``headline`` prints
"Case Study: <council> <result>" as one sentence, as iESE does.
"""

REPORTS = [
    {
        "slug": "new-local-community-paradigm",
        "publisher": "New Local",
        "landing_url": "https://www.newlocal.org.uk/publications/the-community-paradigm/",
        "pdf_url": "https://www.newlocal.org.uk/wp-content/uploads/2019/11/The-Community-Paradigm_NLGN.pdf",
        "title": "The Community Paradigm: why public services need radical change and how it can be achieved",
        "date": "2019-11-05",
        "date_text": "5 November 2019",
        "summary": (
            "Our argument: public services built on state provision or on markets cannot cope with rising demand. "
            "Councils that share power with communities are showing another way, and this report collects what they did."
        ),
        "intro": [
            "Councils in England have absorbed a fall of close to 60p in every pound of central government grant since 2010, "
            "and the Local Government Association puts the sector's funding gap at £3.1bn by 2019/20 before any new pressures "
            "in adult social care are counted.",
            "Demand keeps climbing regardless. Spending on children's social care alone rose by more than £800m in three years, "
            "and no amount of trimming back offices will close that kind of gap. The places we visited decided to change the "
            "relationship with residents instead of rationing what is left.",
            "The examples below were chosen because each council can show what changed, and several can show what it saved.",
        ],
        "studies": [
            ("box", "Wigan Council", "The Deal", [
                "Wigan's informal agreement with its residents asks them to recycle, volunteer and look after their own health, "
                "while the council promises to keep council tax low and to back community groups.",
                "Staff were retrained to hold 'different conversations' that start from what a person can do. A community "
                "investment fund of around £10m has gone to local groups since 2013.",
                "The borough reports savings of £141m since 2011 without closing a single library or leisure centre, and healthy "
                "life expectancy in the most deprived wards has improved.",
            ]),
            ("plain", "London Borough of Barking and Dagenham", "Every One Every Day", [
                "A five-year participatory network run with the Participatory City Foundation opened shopfronts where residents "
                "start batch-cooking clubs, repair cafes and trading businesses together.",
                "The programme represents a £7m investment shared between the council and charitable funders; it is not yet "
                "claimed as a saving, though the council expects lower demand on adult services over time.",
            ]),
            ("box", "Leeds City Council", "Family Valued", [
                "Leeds moved its children's services to restorative practice, putting family group conferences at the heart of "
                "decisions about whether a child should come into care.",
                "The number of children looked after fell by about 6% over five years while it rose nationally, and the council "
                "estimates it avoided costs of around £7m a year compared with the trend it would otherwise have followed. "
                "A Department for Education innovation grant of £4.8m paid for the start-up.",
            ]),
            ("twoline", "Thurrock Council", "Local Area Coordination", [
                "Local area coordinators each look after a patch of about 10,000 people and help residents before they reach "
                "the front door of social care.",
                "An independent evaluation found the approach avoided costs of between £0.8m and £1.3m in its first eighteen months, "
                "largely in fewer assessments and crisis placements.",
            ]),
            ("plain", "City of Doncaster Council", "Your Life Doncaster", [
                "Adult social care teams in Doncaster stopped defaulting to packages of care and began with community support and "
                "short-term reablement.",
                "Admissions to residential care fell sharply, and the service reported savings of £3.4m in the first two years of "
                "the programme.",
            ]),
            ("box", "Oldham Council", "The co-operative council", [
                "Oldham set out to do things with residents rather than to them, from a fair-employment charter to a council-backed "
                "energy switching scheme that helped households cut their bills.",
                "Get Oldham Working, the employment programme, filled more than 5,000 jobs and apprenticeships by pooling the council's "
                "own vacancies with those of local employers.",
            ]),
            ("plain", "Plymouth City Council", "Integrated health and wellbeing hubs", [
                "Plymouth pooled its social care and public health budgets with the local clinical commissioning group and opened "
                "wellbeing hubs in neighbourhood centres.",
                "The council says the joint commissioning arrangement removed duplicated contracts worth £1.5m a year.",
            ]),
            ("twoline", "Somerset Council", "Community Connect", [
                "Village agents and community connectors in Somerset link older people to clubs, transport and neighbours, keeping "
                "them independent for longer.",
                "Fewer people now need a formal assessment, and the county estimated savings of around £4m in adult social care "
                "in a single year.",
            ]),
        ],
        "closing": [
            "Conclusions",
            "None of these councils found a quick fix. What they share is patience, leaders who tolerate risk, and a willingness "
            "to let residents decide. The government's promised £1bn for social care will not by itself change that.",
        ],
    },
    {
        "slug": "localis-changing-places",
        "publisher": "Localis",
        "landing_url": "https://www.localis.org.uk/research/changing-places/",
        "pdf_url": "https://www.localis.org.uk/wp-content/uploads/2013/10/Localis-Changing-Places-WEB.pdf",
        "title": "Changing Places: the practicalities of local public service innovation",
        "date": "2013-10-15",
        "contents": True,
        "date_text": "15 October 2013",
        "summary": (
            "A survey of council leaders and chief executives, sponsored by Civica, on what drives innovation in local public "
            "services, with examples of councils redesigning services."
        ),
        "intro": [
            "Almost every council we surveyed (96%) named leadership as the biggest enabler of innovation, ahead of culture (69%) "
            "and partnerships (61%).",
            "The backdrop is stark. Local government's funding from Whitehall is being cut by a third over the spending review "
            "period, and councils face a further 10% reduction in 2015/16. Nationally, 416 shared service arrangements have "
            "already saved over £462m, yet most councils believe there is far more to do.",
            "The councils below show that service redesign, technology and partnership can protect front-line services.",
        ],
        "studies": [
            ("box", "London Borough of Croydon", "My Croydon app", [
                "Croydon's smartphone app lets residents report fly-tipping, graffiti and noise with a photo and a map pin, and "
                "routes the report straight to the crews.",
                "The council says reports now cost a fraction of a phone call to handle, and the switch to the app has saved "
                "around £200,000 a year in contact-centre time.",
            ]),
            ("plain", "South Tyneside Council", "Business transformation partnership with BT", [
                "South Tyneside entered a long-term partnership with BT covering ICT, customer services, revenues and benefits, "
                "with BT guaranteed a core volume of work and the council gaining investment and jobs.",
                "The partnership was set up to deliver savings of £18m over its fifteen-year life and to bring new jobs to the "
                "borough.",
            ]),
            ("box", "City of Westminster", "Tri-borough shared services", [
                "Westminster, Kensington and Chelsea, and Hammersmith and Fulham combined children's services, adult social care "
                "and libraries under single management teams from 2011.",
                "The three councils set a target of £33.4m a year in savings by 2014/15 and reported that most of it had been met "
                "by cutting management posts and merging contracts.",
            ]),
            ("plain", "Adur District Council", "Joint working with Worthing Borough Council", [
                "Adur and Worthing have shared a single officer structure, one chief executive and a joint strategic committee "
                "since 2008.",
                "The partnership reports annual savings of more than £2.5m, shared between the two councils.",
            ]),
            ("twoline", "East Suffolk Council", "Suffolk Coastal and Waveney partnership", [
                "Suffolk Coastal and Waveney district councils began sharing a chief executive and management team in 2008 and "
                "later merged every service, becoming East Suffolk Council in 2019.",
                "Sharing services saved the two districts about £22m over ten years, money they used to keep leisure centres "
                "and tourist information open.",
            ]),
            ("box", "Peterborough City Council", "Strategic partnership with Serco", [
                "Peterborough transferred ICT, customer services, financial services and business transformation to Serco under "
                "a ten-year contract signed in 2011.",
                "The council expected the contract to save £31m over its lifetime while keeping staff in the city.",
            ]),
            ("plain", "Cambridgeshire County Council", "LGSS back-office partnership", [
                "Cambridgeshire and Northamptonshire created LGSS in 2010 to run finance, HR, ICT, legal and procurement for both "
                "councils, and later for Milton Keynes.",
                "Savings of £16m a year were reported across the partners by 2015, and LGSS began selling its services to schools "
                "and other public bodies.",
            ]),
            ("twoline", "Breckland District Council", "Shared management with South Holland", [
                "Breckland in Norfolk and South Holland in Lincolnshire, 60 miles apart, share a chief executive and senior "
                "management team.",
                "Sharing has saved the two councils about £5m since 2010, and neither has raised council tax in that time.",
            ]),
        ],
        "closing": [
            "Recommendations",
            "Government should fund pilots of new delivery models and remove tax barriers that discourage councils from "
            "trading. The Commissioning Academy should be expanded quickly.",
        ],
    },
    {
        "slug": "iese-transformation-awards-2016",
        "publisher": "iESE",
        "landing_url": "https://www.iese.org.uk/public-sector-transformation-awards-2016/",
        "pdf_url": "https://www.iese.org.uk/wp-content/uploads/2016/03/iESE-Awards-2016-Case-Studies.pdf",
        "title": "Public Sector Transformation Awards 2016: the case studies",
        "date": "2016-03-10",
        "date_text": "10 March 2016",
        "summary": (
            "The finalists of iESE's Public Sector Transformation Awards 2016: councils that redesigned services, "
            "shared them and traded them, with what each achieved."
        ),
        "intro": [
            "This year's entries came from more than 60 councils. Between them, iESE's member councils have delivered over "
            "£700m of efficiencies since the organisation was founded, and the sector as a whole must still find £9.5bn by 2020.",
            "Judges looked for schemes that changed how a service works, not only how much it costs.",
        ],
        "studies": [
            ("box", "East Ayrshire Council", "Ayrshire Roads Alliance", [
                "East Ayrshire and South Ayrshire councils merged their roads services in April 2014, the first shared roads "
                "service in Scotland.",
                "The alliance is expected to save £8.6m over ten years through a single depot network, shared fleet and joint "
                "procurement of surfacing works.",
            ]),
            ("plain", "Vale of Glamorgan Council", "Shared Regulatory Services", [
                "Bridgend, Cardiff and the Vale of Glamorgan formed a single environmental health, trading standards and licensing "
                "service in May 2015, hosted by the Vale.",
                "The three councils cut the combined cost of the service by about £1.4m a year while keeping a local presence "
                "in each area.",
            ]),
            ("box", "Surrey County Council", "Joint trading standards with Buckinghamshire", [
                "Surrey and Buckinghamshire began running one trading standards service in April 2015, with a single management "
                "team working across both counties.",
                "The partnership saves the councils around £600,000 a year between them and has won national work on "
                "scams prevention.",
            ]),
            ("plain", "South Hams District Council", "T18 transformation with West Devon", [
                "South Hams and West Devon redesigned every service around online self-service and a single shared workforce "
                "under the T18 programme.",
                "Once complete the programme saves the two councils £3.9m a year, a quarter of their combined net budget.",
            ]),
            ("twoline", "Kent County Council", "LED street lighting", [
                "Kent replaced around 118,000 street lights with LED lanterns linked to a central management system that dims "
                "them late at night.",
                "Energy and maintenance savings are put at £5.2m a year, against a £40m investment paid back from those savings.",
            ]),
            ("box", "Norfolk County Council", "Assistive technology in adult social care", [
                "Norfolk expanded sensors, alarms and medication dispensers so that more people could stay safely at home.",
                "The council reported net savings of £1.2m in 2015/16 from care packages that were smaller or avoided altogether.",
            ]),
            ("plain", "Monmouthshire County Council", "Your County, Your Way", [
                "Monmouthshire asked staff and residents to redesign services around 'what matters' conversations and brought "
                "leisure, youth and tourism into a new delivery model.",
                "The council projects savings of £1m a year from the new model by 2018.",
            ]),
            ("twoline", "Belfast City Council", "Vehicle fleet and waste collection review", [
                "After local government reform in Northern Ireland cut the number of councils from 26 to 11, Belfast reviewed its "
                "collection rounds and replaced its fleet.",
                "Route optimisation saved £700,000 a year, and food waste collections now reach every household.",
            ]),
            ("headline", "Glasgow City Council", "cuts lighting energy by 60%", [
                "Glasgow's future city demonstrator fitted sensors to lamp posts that brighten lights when people walk by.",
                "The city estimates energy savings of up to 60% on the streets covered.",
            ]),
        ],
        "closing": [
            "About the awards",
            "iESE is a not-for-profit owned by councils. Entries for next year open in October.",
        ],
    },
]
