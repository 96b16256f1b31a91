"""Case studies for the offline LGA snapshot: real councils, schemes and figures, written in our own words.

Each entry: slug, title, standfirst, topic, date (ISO), teaser, and sections (challenge,
solution, impact, sustaining, lessons, contact). Figures are as publicly reported by the
councils, the LGA or evaluators; approximate figures are written as approximate.
"""

CASE_STUDIES: list[dict] = [
    {
        "slug": "wigan-council-deal-between-council-and-residents",
        "title": "Wigan Council: The Deal between council and residents",
        "standfirst": "Wigan Council rebuilt its relationship with residents around an informal 'Deal', asking people to do their bit while the council froze council tax and protected front-line services.",
        "teaser": "How an informal pact with residents helped one borough absorb deep budget reductions.",
        "topic": "Efficiency and income generation",
        "date": "2019-03-12",
        "challenge": "After 2010 the borough faced one of the steepest falls in funding in the North West and had to plan for a budget roughly a third smaller within a decade.",
        "solution": [
            "Rather than salami-slicing, the council set out what it would do (keep council tax low, run good services, listen) and what it asked of residents in return (recycle more, volunteer, look after their health).",
            "Front-line staff were trained to hold 'different conversations' that start from what a person can do, and a community investment fund backed local groups with grants.",
        ],
        "impact": [
            "Wigan reports savings of around £160m since 2011 while freezing council tax for several years running.",
            "An independent evaluation by The King's Fund found healthy life expectancy in the most deprived wards had risen, and resident satisfaction held up despite the cuts.",
        ],
        "lessons": "Culture change took years, not months; the council says the Deal only worked because staff at every level were trusted to use their judgement.",
        "contact": "Wigan Council corporate strategy team, via the council's website.",
    },
    {
        "slug": "hertfordshire-county-council-family-safeguarding",
        "title": "Hertfordshire County Council: Family Safeguarding",
        "standfirst": "Hertfordshire County Council redesigned children's social work so adult specialists in domestic abuse, mental health and substance misuse sit inside each safeguarding team.",
        "teaser": "Putting adult specialists alongside social workers to keep more children safely at home.",
        "topic": "Children and young people",
        "date": "2018-06-20",
        "challenge": "Most children taken into care in the county came from families where parental drinking, drug use, domestic abuse or mental ill health were the underlying problem, yet those adults were handled by separate services.",
        "solution": "With money from the Department for Education's Children's Social Care Innovation Programme the county built multi-disciplinary teams, adopted motivational interviewing, and moved case recording onto a shared electronic workbook to free up social work time.",
        "impact": [
            "An independent evaluation by the Institute of Public Care at Oxford Brookes University found fewer children entering care and fewer repeat child protection plans.",
            "The council estimates the model saves it about £2m a year on placements and court costs.",
        ],
        "sustaining": "The approach is now funded from the council's base budget and has been adopted by several other authorities through the Strengthening Families programme.",
        "contact": "Hertfordshire County Council Children's Services.",
    },
    {
        "slug": "north-yorkshire-county-council-no-wrong-door",
        "title": "North Yorkshire County Council: No Wrong Door",
        "standfirst": "North Yorkshire County Council replaced its traditional children's homes with hubs offering residential places, outreach and fostering support for young people on the edge of care.",
        "teaser": "Hubs that wrap support around teenagers instead of moving them between placements.",
        "topic": "Children and young people",
        "date": "2017-11-02",
        "challenge": "Teenagers in crisis were passed between separate services and often ended up in costly out-of-county placements far from home.",
        "solution": "Two hubs, in Harrogate and Scarborough, bring a key worker, a life coach (a clinical psychologist) and a communications support worker together; each young person keeps the same key worker wherever they live.",
        "impact": "An independent evaluation by Loughborough University reported falls in arrests, missing-person episodes and emergency admissions among the young people supported, and more of them staying in or returning to family homes.",
        "lessons": "Keeping one trusted adult involved mattered more to young people than the type of placement.",
        "contact": "No Wrong Door team, North Yorkshire County Council.",
    },
    {
        "slug": "leeds-city-council-family-group-conferencing",
        "title": "Leeds City Council: Family group conferencing and restorative practice",
        "standfirst": "Leeds City Council made restorative practice the basis of its children's services and offered families a chance to draw up their own plan before the council intervenes.",
        "teaser": "Asking families to plan first helped Leeds cut the number of children in care.",
        "topic": "Children and young people",
        "date": "2016-09-14",
        "challenge": "In 2011 Leeds had more than 1,450 looked-after children and an inspection verdict that its services were inadequate.",
        "solution": "The city trained staff across the council and partners in working 'with' families, and expanded family group conferencing so relatives and friends meet to plan a child's care, supported by an independent coordinator.",
        "impact": "The number of children looked after fell to around 1,250 within five years while Ofsted moved the service to good; the council credits the lower care population with avoiding several million pounds of placement costs.",
        "lessons": "A shared language across schools, police and health made the approach stick.",
        "contact": "Leeds City Council Children and Families directorate.",
    },
    {
        "slug": "south-hams-and-west-devon-transformation-programme",
        "title": "South Hams and West Devon: a shared workforce and the T18 programme",
        "standfirst": "South Hams District Council and West Devon Borough Council share one workforce and rebuilt their services around online self-service through their T18 transformation programme.",
        "teaser": "Two district councils, one team of staff and a redesigned customer offer.",
        "topic": "Efficiency and income generation",
        "date": "2018-02-08",
        "challenge": "The two rural districts were already sharing staff but still faced a combined funding gap of several million pounds as revenue support grant disappeared.",
        "solution": "The councils cut layers of management, moved to locality officers who work across both areas, and put most transactions online with a single case-management system.",
        "impact": "The councils report annual savings of about £4.6m across the two authorities once T18 was complete, with the number of posts reduced by around a third.",
        "lessons": "Members of both councils agreed early which decisions stay sovereign to each council, which avoided later disputes.",
        "contact": "Chief executive's office, Follaton House, Totnes.",
    },
]
