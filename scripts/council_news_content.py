"""News items of the council_news offline snapshot, written for Shop Window.

Each entry stands for a real council's news page about a real scheme; the sentences are ours. Figures follow
public reporting where we know it (rounded) and are otherwise illustrative, so the demo database looks real
without claiming to be a source: check the council's own page before quoting any figure.
Like real council news, most items say "the council" or "we" and never name the council: the registry row
supplies it. ``scripts/build_council_snapshot.py`` renders them as the councils' sites would.

ITEMS maps a GSS code to (ISO date, slug, headline, paragraphs).
"""

ITEMS: dict[str, list[tuple[str, str, str, list[str]]]] = {
    # ---------------------------------------------------------------- England
    "E08000010": [
        ("2019-03-06", "deal-savings-reach-141m", "The Deal: £141m saved and council tax still among the lowest", [
            "Budget papers published today show the borough has now made savings of £141m since 2011 through the Deal, "
            "our agreement with residents to work together to protect services.",
            "Not one library, leisure centre or children's centre has closed in that time. Leader David Molyneux said the "
            "money had come from doing things differently rather than doing less.",
            "More than £10m has been invested in community groups through the Community Investment Fund since 2013.",
        ]),
        ("2017-09-14", "deal-for-adult-social-care", "Asset-based care helps people stay independent", [
            "Social workers now start every conversation by asking what a person can do and who is around them, instead "
            "of offering a standard package of care.",
            "The approach has helped cut the cost of adult social care by around £30m over five years while satisfaction "
            "with services has gone up.",
        ]),
    ],
    "E10000016": [
        ("2017-11-02", "streetlight-led-conversion-complete", "All 118,000 street lights now LED", [
            "The last of more than 118,000 street lights on Kent's roads has been converted to LED, finishing a three-year "
            "programme ahead of schedule.",
            "The new lanterns are controlled from a central system and dimmed after midnight. They are expected to cut the "
            "county's energy and maintenance bill by £5.2m a year, repaying the £40m cost of the project.",
        ]),
        ("2016-05-19", "pay-and-display-contract-shared", "Joint highways contract with district councils", [
            "Kent and several district councils have combined their highways and grass-cutting work into one contract, "
            "avoiding duplicated crews on the same verges.",
            "The partners estimate savings of £400,000 a year between them.",
        ]),
    ],
    "E10000012": [
        ("2019-06-20", "essex-care-technology", "Care technology helps 5,000 residents", [
            "More than 5,000 people in Essex now have sensors, alarms or video-call devices arranged by their social worker.",
            "Because fewer home visits are needed, the service is expected to save around £2m a year by 2021.",
        ]),
        ("2018-02-08", "libraries-shared-with-district", "Shared front door for council services in Essex libraries", [
            "Residents can now speak to district and county staff at the same desk in eleven libraries across Essex.",
            "Sharing buildings with district councils and the NHS is expected to save around £1m a year in running costs "
            "by 2020.",
        ]),
    ],
    "E09000008": [
        ("2014-06-12", "my-croydon-app-reports", "My Croydon app passes 50,000 reports", [
            "Residents have now used the My Croydon app to report fly-tipping, graffiti and other problems more than "
            "50,000 times since it launched.",
            "Each report arrives with a photo and exact location, which means crews can clear dumped rubbish faster. The "
            "council says the app has cut the cost of handling a report from about £7 by phone to under £1.",
        ]),
    ],
    "E08000023": [
        ("2013-07-25", "bt-partnership-five-years", "Five years of the BT partnership", [
            "Our partnership with BT, which runs ICT, customer contact and revenues and benefits, has reached its fifth year.",
            "It has delivered savings of £8m so far, brought 250 new jobs to the borough and improved how quickly "
            "benefit claims are processed.",
        ]),
    ],
    "E09000033": [
        ("2016-09-15", "westminster-parking-sensors", "Parking sensors help drivers find spaces", [
            "Sensors in 3,000 parking bays tell drivers through an app where spaces are free.",
            "Less circling means less congestion, and the council expects enforcement costs to fall by £1m a year.",
        ]),
        ("2014-04-10", "tri-borough-savings", "Sharing services saves £40m a year", [
            "Westminster, Kensington and Chelsea, and Hammersmith and Fulham say sharing children's services, adult social "
            "care and libraries is now saving them more than £40m a year between them.",
            "Combining management teams accounted for much of the saving. Each council keeps its own political leadership.",
        ]),
    ],
    "E07000223": [
        ("2018-06-21", "ten-years-of-partnership", "A decade of Adur and Worthing working as one", [
            "It is ten years since the two councils agreed to share one officer team, one chief executive and one set "
            "of offices.",
            "The partnership has saved more than £2.5m a year, and the money has been kept in front-line services such "
            "as waste collection and parks.",
        ]),
    ],
    "E07000244": [
        ("2019-04-01", "east-suffolk-council-is-born", "New council for East Suffolk", [
            "Today Suffolk Coastal and Waveney district councils become one: East Suffolk Council.",
            "The two authorities shared staff for over a decade, saving around £22m. Merging fully is expected to save "
            "a further £1.5m every year.",
        ]),
    ],
    "E07000044": [
        ("2018-10-04", "t18-programme-complete", "T18 transformation programme complete", [
            "South Hams and West Devon have finished T18, the programme that moved most services online and created one "
            "shared workforce.",
            "The councils say the programme now saves £3.9m a year between them, with South Hams taking the larger share "
            "in line with its size.",
        ]),
    ],
    "E10000030": [
        ("2016-04-28", "trading-standards-one-year", "Joint trading standards service marks its first year", [
            "One year on from joining forces with Buckinghamshire, our trading standards officers have recovered more than "
            "£500,000 for victims of rogue traders.",
            "The shared service is saving around £600,000 a year between the two councils.",
        ]),
    ],
    "E06000031": [
        ("2014-09-18", "serco-partnership-savings", "Serco partnership on track to save £31m", [
            "The council's ten-year contract with Serco for ICT, customer services and financial services is on track to "
            "save £31m over its life.",
            "A new customer service centre at Bayard Place has also replaced three separate offices.",
        ]),
    ],
    "E10000020": [
        ("2016-07-14", "assistive-technology-saves", "Technology helps hundreds stay at home", [
            "Sensors, pendant alarms and automatic pill dispensers are helping over 1,000 people across Norfolk stay "
            "independent for longer.",
            "In 2015/16 the scheme saved £1.2m by reducing the need for home care visits and residential places.",
        ]),
        ("2018-03-22", "street-lighting-part-night", "Part-night lighting extended", [
            "Street lights in residential roads will switch off between midnight and 5am, extending a scheme already "
            "running in market towns.",
            "Part-night lighting cuts energy use and saves around £170,000 a year.",
        ]),
    ],
    "E08000035": [
        ("2017-02-16", "children-looked-after-falling", "Fewer children in care as restorative approach pays off", [
            "The number of children in care in Leeds has fallen for the fifth year running, bucking the national trend.",
            "Family group conferences, where relatives plan together how to keep a child safe, are at the heart of the change. "
            "The council estimates that avoided placements save about £7m a year.",
        ]),
        ("2019-01-24", "led-street-lights-leeds", "87,000 street lights to switch to LED", [
            "Work starts this spring to convert 87,000 street lights across Leeds to LED.",
            "The £28m project is expected to save £3m a year on energy and maintenance once it is finished.",
        ]),
    ],
    "E06000026": [
        ("2016-05-05", "integrated-fund-launch", "One budget for health and social care", [
            "Plymouth City Council and NEW Devon Clinical Commissioning Group have pooled their budgets for health and "
            "social care in the city.",
            "Joint commissioning means we stop paying twice for the same service. The partners expect to save £1.5m a year "
            "by removing duplicated contracts.",
        ]),
    ],
    "E09000002": [
        ("2018-01-18", "every-one-every-day-opens", "Every One Every Day opens its first shops", [
            "Residents can now drop into shopfronts in Barking to join batch cooking, sewing and business-starting projects "
            "run by and for local people.",
            "The five-year programme is backed by £7m of funding from the council and charitable partners.",
        ]),
    ],
    "E08000004": [
        ("2015-03-12", "get-oldham-working-5000", "Get Oldham Working passes 5,000 jobs", [
            "More than 5,000 residents have found jobs, apprenticeships or traineeships through Get Oldham Working.",
            "The programme brings together vacancies from the council, its partners and local firms.",
        ]),
        ("2016-10-27", "warm-homes-oldham", "Warm Homes Oldham cuts bills", [
            "Over 2,000 households have had boilers, insulation or help with energy debt through Warm Homes Oldham.",
            "Residents helped by the scheme have saved an average of £250 a year on their energy bills.",
        ]),
    ],
    "E06000050": [
        ("2015-02-05", "west-cheshire-together", "Working together to save £7m", [
            "The council, police, fire and NHS in west Cheshire are sharing buildings and teams through West Cheshire Together.",
            "Joint locality teams for troubled families and shared offices are expected to save £7m over four years.",
        ]),
    ],
    "E06000052": [
        ("2016-11-17", "devolution-deal-bus-contracts", "Joint bus contracts save £2m", [
            "Cornwall Council and the NHS have combined school, social care and patient transport into one set of contracts.",
            "Planning routes together has saved around £2m in the first year.",
        ]),
        ("2019-07-04", "one-public-estate-cornwall", "Public sector shares buildings", [
            "The council is moving teams into buildings shared with the police, fire service and health partners.",
            "Releasing surplus offices will bring in capital receipts and cut running costs by £600,000 a year.",
        ]),
    ],
    "E08000007": [
        ("2018-05-10", "stockport-family-ofsted", "Stockport Family praised by inspectors", [
            "Inspectors rated children's services outstanding, singling out Stockport Family, which brings social workers, "
            "health visitors and school nurses into one team.",
            "The joined-up model has also reduced the number of children needing care, saving an estimated £2m a year.",
        ]),
    ],
    "E10000019": [
        ("2017-06-15", "libraries-community-hubs", "Community hubs keep libraries open", [
            "Thirty-six community-run library hubs are now open across Lincolnshire, with volunteers supported by council staff.",
            "The new model saves £1.7m a year compared with running every library directly.",
        ]),
    ],
    "E06000030": [
        ("2017-08-03", "swindon-solar-farm", "Community solar farm earns and saves", [
            "A solar farm on former landfill at Chapel Farm now supplies council buildings with electricity.",
            "Together with the council's other solar projects it is expected to cut energy costs by £400,000 a year.",
        ]),
        ("2015-11-19", "life-programme-families", "LiFE programme changes how families are supported", [
            "Families with complex needs in Swindon now work with one team of their choosing through the LiFE programme.",
            "Early results show lower use of crisis services, with the council estimating savings of £1m a year.",
        ]),
    ],
    "E06000034": [
        ("2016-09-08", "local-area-coordination-evaluation", "Local Area Coordination evaluation published", [
            "An independent evaluation has found that Thurrock's local area coordinators helped people avoid crises and "
            "reduced demand on council services.",
            "The report estimates avoided costs of between £0.8m and £1.3m over eighteen months.",
        ]),
    ],
    "E08000017": [
        ("2018-04-26", "your-life-doncaster-results", "Your Life Doncaster: fewer people in residential care", [
            "Admissions to long-term residential care have fallen by a third since we changed how we support adults.",
            "Your Life Doncaster has delivered savings of £3.4m in its first two years.",
        ]),
    ],
    "E10000015": [
        ("2015-10-22", "herts-shared-it", "Shared IT with district councils", [
            "Hertfordshire's IT team now supports three district councils from a single data centre.",
            "The districts save £250,000 a year between them, and the county earns income that protects its own budget.",
        ]),
        ("2017-03-09", "family-safeguarding-model", "Family Safeguarding model cuts care numbers", [
            "Social workers in Hertfordshire now work alongside specialists in domestic abuse, drug and alcohol misuse and "
            "mental health in one team around the family.",
            "The number of children in care has fallen, and the model saves about £2.5m a year.",
        ]),
    ],
    "E10000003": [
        ("2015-06-25", "lgss-savings", "LGSS reaches £16m a year in savings", [
            "LGSS, the back-office partnership we share with Northamptonshire, now saves the partners £16m a year.",
            "Milton Keynes Council will join the partnership next year.",
        ]),
    ],
    # ---------------------------------------------------------------- Scotland
    "S12000008": [
        ("2014-04-01", "ayrshire-roads-alliance-launches", "Ayrshire Roads Alliance launches today", [
            "East and South Ayrshire's roads teams become one service today, the Ayrshire Roads Alliance.",
            "Sharing depots, vehicles and expertise is expected to save £8.6m over ten years.",
        ]),
        ("2019-02-14", "community-asset-transfer", "Community groups take on halls and parks", [
            "Twenty community groups have taken over halls, pavilions and parks under the Vibrant Communities approach.",
            "Transfers save running costs of around £500,000 a year.",
        ]),
    ],
    "S12000028": [
        ("2016-08-11", "roads-alliance-second-year", "Roads alliance savings ahead of target", [
            "The Ayrshire Roads Alliance, shared with East Ayrshire, has saved more than planned in its first two years.",
            "Joint procurement of surfacing works alone saved £600,000.",
        ]),
    ],
    "S12000049": [
        ("2015-10-22", "intelligent-street-lighting", "Smart street lights cut energy use", [
            "Sensors on street lights along the Clyde walkway brighten lamps when people pass and dim them when the path is empty.",
            "The demonstration, funded through the Future City programme, cut energy use by up to 60%.",
        ]),
        ("2018-06-07", "led-lighting-glasgow", "Glasgow to replace 70,000 street lights", [
            "The city will convert 70,000 street lights to LED in a £50m programme.",
            "The council expects annual savings of more than £4m on energy and repairs.",
        ]),
    ],
    "S12000036": [
        ("2019-03-28", "edinburgh-shared-repairs", "Shared repairs service reopens", [
            "A redesigned service to help owners in tenements organise shared repairs reopens after a review of past problems.",
            "The service is run at cost, and the council says the new model removes a deficit of £500,000 a year.",
        ]),
        ("2017-12-07", "transformation-savings", "Transformation programme delivers £70m", [
            "The council's transformation programme, which reshaped management and moved services into four localities, "
            "has delivered savings of about £70m a year.",
            "The changes included a voluntary redundancy scheme that 1,200 staff took up.",
        ]),
    ],
    "S12000047": [
        ("2016-03-03", "fife-shared-procurement", "Buying together with Tayside saves £2m", [
            "Fife's purchasing team now buys alongside Angus, Dundee and Perth and Kinross through a shared procurement "
            "centre of expertise.",
            "Combined contracts for school meals, road salt, furniture and energy saved the council £2m last year. "
            "Local suppliers are given help to bid for the larger joint contracts.",
        ]),
        ("2019-02-21", "fife-budget-2019", "Budget agreed for 2019-20", [
            "Councillors have set a budget of £829m for the coming year, with council tax rising by 3%.",
            "Scottish councils as a whole face a shortfall of around £1bn over the next three years, and we must find "
            "£16m of savings in 2019-20 alone. Proposals include more online services and fewer buildings.",
        ]),
    ],
    "S12000034": [
        ("2018-09-20", "route-optimisation-bins", "New bin routes save fuel and £400,000", [
            "Lorries across Aberdeenshire now follow collection routes planned by software, after a review of every round.",
            "Crews travel fewer miles each week and overtime has fallen. The change will save around £400,000 a year in "
            "fuel and staff costs.",
        ]),
        ("2015-05-14", "worksmart-offices", "Worksmart frees up office space", [
            "Staff across the authority can now work from any office, from home or on the move, with laptops and "
            "shared desks replacing fixed workstations.",
            "Because fewer desks are needed, seven offices have been vacated. The Worksmart programme saves £1m a year "
            "in property costs.",
        ]),
    ],
    "S12000017": [
        ("2016-10-13", "redesign-savings-highland", "Redesign reviews identify £4m of savings", [
            "Councillors and staff have reviewed how property, fleet, income collection and administration are run as "
            "part of the Highland redesign.",
            "The reviews identified £4m of annual savings, mostly from streamlining administration and sharing vehicles "
            "between services. Community groups will be offered the chance to run some local services.",
        ]),
    ],
    "S12000005": [
        ("2013-05-23", "shared-education-social-work", "Shared education and social work: two years on", [
            "A review reported to councillors found that sharing education and social work with Stirling has protected "
            "front-line services in both areas.",
            "One management team now runs both services. The arrangement, which began in 2011, saves around £1m a year "
            "between the two councils.",
        ]),
    ],
    "S12000030": [
        ("2014-02-27", "shared-services-stirling-clacks", "Shared services with Clackmannanshire to continue", [
            "Councillors agreed to keep sharing education and social work services with our neighbours.",
            "The arrangement has saved the two councils about £1m a year since 2011, mostly through a single management team.",
        ]),
    ],
    "S12000042": [
        ("2019-05-16", "dundee-district-heating", "District heating for city centre buildings", [
            "Caird Hall, the City Chambers and nearby council offices will be heated from a shared biomass network.",
            "The network replaces ageing gas boilers and is expected to cut heating costs by £250,000 a year, as well as "
            "reducing carbon emissions.",
        ]),
    ],
    "S12000048": [
        ("2017-08-31", "culture-trust-savings", "Culture trust saves £1.2m a year", [
            "Libraries, museums and the concert hall have been run by an arm's-length culture trust since 2016.",
            "Because the trust is a charity it pays less in business rates, and it can bid for funding the council cannot. "
            "The change has saved the council £1.2m a year.",
        ]),
    ],
    "S12000040": [
        ("2018-11-15", "west-lothian-digital", "Two-thirds of transactions now online", [
            "Residents now make two out of three council tax, housing repair and bulky uplift requests online.",
            "Fewer phone calls and paper forms mean the digital programme is saving £1.6m a year. Customers without "
            "internet access can still get help at local partnership centres.",
        ]),
    ],
    "S12000019": [
        ("2017-03-30", "midlothian-energy-from-waste", "Shared waste plant opens", [
            "Household waste from Midlothian and the City of Edinburgh now goes to the Millerhill recycling and energy "
            "recovery centre rather than to landfill.",
            "The joint Zero Waste project with Edinburgh is expected to save the two councils around £1m a year in "
            "landfill tax and disposal costs.",
        ]),
    ],
    # ---------------------------------------------------------------- Wales
    "W06000015": [
        ("2016-06-02", "shared-regulatory-services-first-year", "Shared Regulatory Services: first year", [
            "Environmental health, trading standards and licensing teams from Cardiff, Bridgend and the Vale of Glamorgan "
            "have now worked as one service for a year.",
            "The shared service has cut its running costs by around £1.4m a year while keeping officers based in each area.",
        ]),
        ("2018-02-22", "cardiff-hubs-programme", "Community hubs bring services under one roof", [
            "The capital's hubs programme puts libraries, housing advice, into-work help and money advice in one building.",
            "Combining buildings has saved around £700,000 a year, and visits to hubs have doubled.",
        ]),
    ],
    "W06000014": [
        ("2015-05-01", "shared-regulatory-services-launch", "Regional regulatory service launched", [
            "A new regulatory service covering three council areas, hosted by the Vale, starts work today.",
            "Bringing together around 300 staff from Bridgend, Cardiff and the Vale of Glamorgan, the partners expect "
            "to save £1.4m a year.",
        ]),
    ],
    "W06000013": [
        ("2017-04-06", "bridgend-telecare", "Telecare helps residents stay independent", [
            "More than 2,000 residents now use telecare alarms, falls sensors and door monitors that alert a response team.",
            "The service avoids an estimated £900,000 of care costs each year by helping people stay at home rather "
            "than moving into residential care.",
        ]),
    ],
    "W06000021": [
        ("2016-01-21", "your-county-your-way", "New delivery model for leisure and culture", [
            "Leisure centres, youth services, tourism and outdoor education are moving into a new organisation owned "
            "by the community.",
            "The new model is projected to save £1m a year by 2018 and can bid for grants the council cannot.",
        ]),
        ("2017-05-25", "monlife-income", "Leisure centres bring in more income", [
            "Gym memberships at our four leisure centres have risen by a quarter since the refurbishment.",
            "The extra £400,000 of income a year goes back into sport and play in the county.",
        ]),
    ],
    "W06000005": [
        ("2017-01-26", "alternative-delivery-models-flintshire", "Aura takes over leisure and libraries", [
            "Leisure centres and libraries in Flintshire are now run by Aura, a social enterprise owned by its employees.",
            "The new model saves the council around £1m a year while keeping every library open.",
        ]),
    ],
    "W06000011": [
        ("2016-09-29", "sustainable-swansea", "Sustainable Swansea: £70m saved", [
            "The Sustainable Swansea programme has delivered about £70m of savings since 2013, as government funding fell.",
            "Commissioning reviews of every service are now looking at who is best placed to deliver each one.",
        ]),
    ],
    "W06000016": [
        ("2018-07-19", "rct-led-lighting", "LED street lighting across the county borough", [
            "Over 27,000 street lights are being converted to LED across Rhondda Cynon Taf.",
            "The programme is funded by an interest-free government loan and will save £1.1m a year once complete.",
        ]),
    ],
    "W06000002": [
        ("2015-12-10", "ffordd-gwynedd", "Ffordd Gwynedd puts residents first", [
            "Ffordd Gwynedd, the council's way of redesigning services around the people who use them, is being rolled "
            "out to every department.",
            "Removing steps that add nothing for residents is expected to save £3m a year.",
        ]),
    ],
    "W06000010": [
        ("2019-10-03", "carmarthenshire-transformation", "Agile working saves £1.5m", [
            "Carmarthenshire's transformation programme has reduced office space and introduced agile working for "
            "1,500 staff.",
            "Savings of £1.5m have been delivered so far.",
        ]),
    ],
    "W06000003": [
        ("2016-02-18", "conwy-denbighshire-shared", "Conwy and Denbighshire extend shared services", [
            "Conwy and Denbighshire county councils are extending their collaboration on regulatory services after a "
            "successful first year.",
            "The shared approach saves £250,000 a year between the two councils.",
        ]),
    ],
    "W06000023": [
        ("2018-03-15", "powys-transforming-education", "Shared back office for Powys schools", [
            "Schools across Powys now share a single finance and HR service run by the council.",
            "Pooling the work saves schools £300,000 a year, which head teachers can spend in the classroom.",
        ]),
    ],
    # ---------------------------------------------------------------- Northern Ireland
    "N09000003": [
        ("2019-11-28", "belfast-customer-hub", "One number for council services", [
            "Residents now call one number, 028 9032 0202, for everything from bins to building control.",
            "Bringing eleven contact points into one customer hub saves around £350,000 a year.",
        ]),
        ("2017-09-07", "belfast-fleet-review", "Bin lorry routes redesigned", [
            "Collection routes across the city have been redesigned using route optimisation software, and older "
            "vehicles replaced with a smaller, more efficient fleet.",
            "The review saved £700,000 a year. Food waste collections now reach every household in the city.",
        ]),
    ],
    "N09000002": [
        ("2016-03-24", "abc-merger-savings", "Merger savings reach £5m", [
            "Armagh City, Banbridge and Craigavon Borough Council has made £5m of savings since it was formed from three "
            "councils in April 2015.",
            "Most of the saving came from a single senior management team and merged back-office services.",
        ]),
    ],
    "N09000005": [
        ("2018-05-31", "derry-strabane-energy", "Energy upgrades across council buildings", [
            "LED lighting, new boilers and pool covers are being fitted in leisure centres and offices.",
            "The upgrades will save £300,000 a year on energy bills.",
        ]),
    ],
    "N09000010": [
        ("2017-06-22", "nmd-waste-contract", "New waste contract saves £1m", [
            "A new contract for treating residual waste will divert more rubbish from landfill.",
            "The contract, procured jointly with other councils in the arc21 partnership, will save the council £1m a year.",
        ]),
    ],
    "N09000009": [
        ("2019-04-11", "mid-ulster-shared-procurement", "Shared procurement brings savings", [
            "Buying goods and services alongside other councils through a shared procurement service has saved the "
            "council £400,000.",
        ]),
    ],
    "N09000007": [
        ("2016-11-24", "lisburn-castlereagh-efficiency", "Efficiency programme saves £2m", [
            "Lisburn and Castlereagh City Council's efficiency programme has saved £2m since the two councils merged.",
            "Savings came from procurement, energy and merged management.",
        ]),
    ],
    "N09000011": [
        ("2018-10-18", "ards-north-down-recycling", "Kerbside sorting boosts recycling", [
            "Crews now sort recycling at the kerbside, so glass, paper and cans arrive at the depot clean.",
            "Cleaner materials sell for more and cost less to process. The change saves £600,000 a year.",
        ]),
    ],
    "N09000001": [
        ("2017-02-09", "antrim-newtownabbey-solar", "Solar panels on council buildings", [
            "Solar panels are being fitted to the roofs of leisure centres and the civic centre.",
            "They will cut electricity bills by £100,000 a year.",
        ]),
    ],
    "N09000006": [
        ("2019-09-12", "fermanagh-omagh-agile", "Agile working frees up offices", [
            "Agile working has allowed the council to release office space in Enniskillen and Omagh.",
            "Letting the spare space saves and earns the council £150,000 a year.",
        ]),
    ],
}
