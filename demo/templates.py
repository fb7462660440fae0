"""Raw material for the Tandem demo data set.

Everything here is plain, typed data: sectors with employer offers written in real job-ad
phrasing, caseworker-style skill statements (formal and informal), liaison and contact notes,
and name and street pools for Vienna and the surrounding parts of Lower Austria. A seeded
generator combines these templates; this module contains no logic.

Offer texts deliberately contain no discriminatory requirements (age, gender, origin,
"native speaker", appearance), so that the screening feature can be demonstrated separately.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class RequirementTemplate:
    text: str  # the employer's own words, e.g. "Experience with cash registers"
    essential: bool


@dataclass(frozen=True)
class OfferTemplate:
    title: str
    kinds: tuple[str, ...]  # "vacancy","traineeship","work_trial","apprenticeship","volunteering"
    description: str  # 60-150 words, real job-ad phrasing
    requirements: tuple[RequirementTemplate, ...]  # 4-8, mixed essential/optional
    languages: tuple[tuple[str, str], ...]  # (ISO 639-1 code, CEFR level A1..C2)
    min_isced: int | None  # ISCED 2011 level 0..8 or None
    physical_demands: tuple[str, ...]  # "heavy_lifting","long_standing","night_work","driving"
    driving_licence: str | None  # e.g. "B", "C", "D" or None
    hours_per_week: float  # 10..40
    schedules: tuple[str, ...]  # "day","evening","night","weekend"
    contract_type: str  # "permanent","fixed_term","temporary","apprenticeship","none"
    pay_amount: float | None  # gross EUR
    pay_period: str | None  # "hour","month","year" or None


@dataclass(frozen=True)
class SectorTemplate:
    nace_division: str  # NACE Rev.2 division code, e.g. "56"
    name: str
    company_names: tuple[str, ...]  # 4-6 plausible fictional company names
    offers: tuple[OfferTemplate, ...]  # 4-6 different offers
    formal_skills: tuple[str, ...]  # 10-15 caseworker statements about formal experience
    tutor_jobs: tuple[str, ...]  # 2-4 job titles of company-side tutors


# --------------------------------------------------------------------------------------------
# 56 Hospitality and food service
# --------------------------------------------------------------------------------------------

HOSPITALITY = SectorTemplate(
    nace_division="56",
    name="Hospitality and food service",
    company_names=(
        "Gasthaus Zur Alten Linde",
        "Café Konditorei Lindner",
        "Hotel Donaukanal Restaurant GmbH",
        "GastroService Gemeinschaftsverpflegung GmbH",
        "Heuriger Weingut Reisinger",
    ),
    offers=(
        OfferTemplate(
            title="Kitchen assistant",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our traditional Viennese inn is looking for a kitchen assistant to support our "
                "team of four cooks. You prepare vegetables and salads, portion side dishes, keep "
                "your station clean and help with the dishwashing at peak times. We cook fresh "
                "every day, mostly Viennese classics and a weekly vegan menu. We offer a "
                "permanent position, staff meals, a fixed roster published two weeks in advance "
                "and a friendly, international team. Newcomers to the trade are welcome: a short "
                "work trial lets you get to know us first. Pay according to the collective "
                "agreement for hospitality, with overpayment possible depending on experience."
            ),
            requirements=(
                RequirementTemplate("Reliable and punctual, able to work in a busy team", True),
                RequirementTemplate("Available at weekends (alternating Saturday/Sunday)", True),
                RequirementTemplate("Able to lift crates and pots of up to 15 kg", True),
                RequirementTemplate("Previous experience in a commercial kitchen", False),
                RequirementTemplate("Basic knowledge of food hygiene (HACCP)", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing", "heavy_lifting"),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=1900.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Apprentice cook",
            kinds=("apprenticeship",),
            description=(
                "Do you enjoy cooking and want a recognised qualification? We train apprentice "
                "cooks in our à la carte restaurant and banquet kitchen. Over three years you "
                "learn all stations: sauces, meat and fish, pastry and the cold kitchen, as well "
                "as ordering, storage and hygiene. You attend vocational school in blocks and are "
                "supported by an experienced head chef who has trained more than twenty "
                "apprentices. Lunch and dinner service, with two consecutive days off per week. "
                "We provide work clothes and knives. Apprentice pay according to the collective "
                "agreement, with a bonus for good school results."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Genuine interest in cooking and food", True),
                RequirementTemplate("Willing to work evenings and some weekends", True),
                RequirementTemplate("Taster days or a work placement in a kitchen", False),
                RequirementTemplate("Able to take instructions and work tidily", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day", "evening", "weekend"),
            contract_type="apprenticeship",
            pay_amount=1000.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Waiting staff",
            kinds=("vacancy",),
            description=(
                "For our café-restaurant with 60 seats inside and a large garden in summer we "
                "are looking for waiting staff to join our service team. You welcome guests, "
                "take orders on a handheld device, serve food and drinks and settle bills at the "
                "table. In the mornings we serve breakfast, at lunchtime a two-course menu and in "
                "the evenings à la carte. You work in a team of five with a clear roster and two "
                "days off in a row. We offer a permanent contract, tips shared fairly within the "
                "team, meals on duty and support with training in wine and coffee."
            ),
            requirements=(
                RequirementTemplate("Friendly and confident with guests", True),
                RequirementTemplate("Able to carry several plates safely", True),
                RequirementTemplate("Handling cash and card payments", True),
                RequirementTemplate("Experience in table service", False),
                RequirementTemplate("Some English for tourists", False),
                RequirementTemplate("Barista skills", False),
            ),
            languages=(("de", "B1"), ("en", "A2")),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=1950.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Canteen assistant",
            kinds=("vacancy", "work_trial"),
            description=(
                "We run the staff restaurant of a large office building and serve about 400 "
                "lunches a day, Monday to Friday. As a canteen assistant you help prepare salads "
                "and desserts, fill the serving counter, serve meals to guests, clear trays and "
                "operate the dishwasher. The working hours are family-friendly: 7:00 to 13:00, no "
                "evenings and no weekends. You will be trained on the job and supported by an "
                "experienced team. A short work trial is possible before you start. We offer a "
                "permanent part-time contract, free lunch and a subsidy for your public "
                "transport ticket."
            ),
            requirements=(
                RequirementTemplate("Reliable and hygienic way of working", True),
                RequirementTemplate("Able to keep a steady pace during the lunch rush", True),
                RequirementTemplate("Friendly with guests at the counter", True),
                RequirementTemplate("Experience in a canteen or kitchen", False),
                RequirementTemplate("Food hygiene training", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1450.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Dishwasher (evening shift)",
            kinds=("vacancy",),
            description=(
                "Our hotel restaurant is looking for support in the dishwashing area for the "
                "evening shift. You operate the conveyor dishwasher, clean pots and pans, put "
                "away crockery and help keep the kitchen clean at the end of service. You work "
                "four evenings a week from 17:00 to 22:00, including alternate weekends. This is "
                "a good way into the hospitality trade: several of our cooks started in the "
                "dishwashing area. We pay by the hour according to the collective agreement, and "
                "you get a staff meal every shift. Temporary contract until the end of the "
                "season, with the option of extension."
            ),
            requirements=(
                RequirementTemplate("Able to stand for the whole shift", True),
                RequirementTemplate("Reliable attendance", True),
                RequirementTemplate("Careful handling of cleaning chemicals", True),
                RequirementTemplate("Previous work in a kitchen", False),
                RequirementTemplate("Willing to help out with food preparation", False),
            ),
            languages=(("de", "A1"),),
            min_isced=None,
            physical_demands=("long_standing", "heavy_lifting"),
            driving_licence=None,
            hours_per_week=20.0,
            schedules=("evening", "weekend"),
            contract_type="temporary",
            pay_amount=11.8,
            pay_period="hour",
        ),
    ),
    formal_skills=(
        "3 years as a line cook in a hotel kitchen",
        "HACCP food hygiene certificate",
        "Completed apprenticeship as a cook (Lehrabschluss Koch)",
        "Two winter seasons as waiting staff in a ski hotel in Tyrol",
        "Worked the dishwasher and prep station in a pizzeria for 18 months",
        "Barista course and one year in a specialty coffee bar",
        "Kitchen assistant in a hospital canteen, 2019-2022",
        "Ran the grill station at a kebab restaurant",
        "Allergen training (the 14 EU allergens)",
        "Cashier and serving counter in a university cafeteria",
        "Breakfast service in a 4-star hotel",
        "Cook in a restaurant in Damascus for 6 years",
        "Catering assistant for events, including setup and buffet service",
        "Experienced with combi steamers and large-batch cooking",
    ),
    tutor_jobs=("Head chef", "Sous chef", "Restaurant manager", "Canteen manager"),
)


# --------------------------------------------------------------------------------------------
# 47 Retail trade
# --------------------------------------------------------------------------------------------

RETAIL = SectorTemplate(
    nace_division="47",
    name="Retail trade",
    company_names=(
        "Frischmarkt Brunner",
        "Drogerie Sonnenschein Filialen GmbH",
        "Baumarkt Südstadt",
        "Bio-Greißlerei Wieden",
        "Textil Kaiser Mode & Schuhe",
        "SozialMarkt Nachbarschaft",
    ),
    offers=(
        OfferTemplate(
            title="Sales assistant (supermarket)",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our supermarket branch is looking for a sales assistant for 30 hours per week. "
                "You work at the checkout, fill shelves, check best-before dates and help "
                "customers find what they are looking for. In the mornings you are also part of "
                "the fresh-produce team. We offer a permanent contract, a structured induction "
                "with a mentor, a staff discount and rosters that are planned together with the "
                "team. We are open Monday to Saturday, so Saturday shifts are shared fairly. "
                "People returning to work or changing careers are very welcome; a work trial of "
                "up to one week is possible."
            ),
            requirements=(
                RequirementTemplate("Friendly manner with customers", True),
                RequirementTemplate("Accurate when handling cash", True),
                RequirementTemplate("Available on Saturdays", True),
                RequirementTemplate("Experience with cash registers", False),
                RequirementTemplate(
                    "Experience stocking shelves and checking best-before dates", False
                ),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=1650.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Retail apprentice",
            kinds=("apprenticeship",),
            description=(
                "We train retail apprentices in our branches. During the three-year "
                "apprenticeship you learn everything about goods receiving, product "
                "presentation, advising customers, working at the checkout and basic business "
                "administration. You attend vocational school and get regular feedback from your "
                "trainer in the branch. Good performance is rewarded with bonuses, and many of "
                "our branch managers started as apprentices. Adults starting an apprenticeship "
                "later in life are just as welcome. Apprentice pay according to the collective "
                "agreement for retail."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Interest in sales and contact with people", True),
                RequirementTemplate("Basic maths for handling cash", True),
                RequirementTemplate("Taster days in a shop", False),
                RequirementTemplate("Other languages useful for advising customers", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day", "weekend"),
            contract_type="apprenticeship",
            pay_amount=900.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Shelf filler (early shift)",
            kinds=("vacancy",),
            description=(
                "To support our store team we are looking for a shelf filler for the early "
                "shift from 5:30 to 9:30, Monday to Friday. You unpack deliveries, fill the "
                "shelves in the grocery and drugstore sections, rotate stock so that older goods "
                "are sold first and remove packaging. The work is physical and you are on your "
                "feet, but you finish before most people start work. Ideal for early risers who "
                "want their afternoons free, or as a second job. Permanent part-time contract, "
                "pay according to the collective agreement for retail."
            ),
            requirements=(
                RequirementTemplate("Able to lift boxes of up to 15 kg", True),
                RequirementTemplate("Punctual for an early start", True),
                RequirementTemplate("Fast and tidy way of working", True),
                RequirementTemplate("Experience in a warehouse or shop", False),
            ),
            languages=(("de", "A1"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "long_standing"),
            driving_licence=None,
            hours_per_week=20.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1100.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Cashier and customer service (DIY store)",
            kinds=("vacancy",),
            description=(
                "Our DIY and garden store is looking for a cashier to join the checkout and "
                "customer service team. You process payments, handle returns and exchanges, "
                "issue customer cards and answer questions at the information desk, including by "
                "phone. In spring, when the garden centre is busy, you also help at the outdoor "
                "checkout. We offer 25 hours per week with a regular roster, a permanent "
                "contract and a generous staff discount. Previous experience is welcome, but we "
                "will train you thoroughly on our checkout system."
            ),
            requirements=(
                RequirementTemplate("Careful handling of cash and card payments", True),
                RequirementTemplate("Friendly and patient with customers", True),
                RequirementTemplate("Available for Saturday shifts", True),
                RequirementTemplate("Experience with cash registers", False),
                RequirementTemplate("Basic computer skills", False),
                RequirementTemplate("Some knowledge of tools or gardening", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=25.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=1380.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Volunteer at a social supermarket",
            kinds=("volunteering",),
            description=(
                "Our social supermarket sells food and everyday goods at reduced prices to "
                "people on low incomes. Much of the stock is donated by retailers and producers. "
                "We are looking for volunteers who help sort and price donated goods, fill "
                "shelves, work at the checkout and welcome customers. Shifts are four to five "
                "hours long, two or three times a week, and you can choose the days. This is a "
                "good way to gain experience in retail, practise German and meet people. "
                "Volunteers get a short induction, a team T-shirt and a certificate of their "
                "activities."
            ),
            requirements=(
                RequirementTemplate("Reliable for the shifts you sign up for", True),
                RequirementTemplate("Respectful towards customers in difficult situations", True),
                RequirementTemplate("Able to lift crates of fruit and vegetables", False),
                RequirementTemplate("Experience in a shop", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=10.0,
            schedules=("day",),
            contract_type="none",
            pay_amount=None,
            pay_period=None,
        ),
        OfferTemplate(
            title="Drugstore sales assistant",
            kinds=("vacancy", "work_trial"),
            description=(
                "For our drugstore branch we are looking for a sales assistant for 30 hours a "
                "week. You advise customers on cosmetics, hair and body care and household "
                "products, keep the shelves full and tidy, and work at the checkout. Twice a "
                "week you also receive and check deliveries. We value colleagues who enjoy "
                "contact with people and have an eye for detail. New colleagues complete a "
                "three-week onboarding programme, and a short work trial in the branch is "
                "possible. Permanent contract, a staff discount of 20 percent and regular "
                "product training."
            ),
            requirements=(
                RequirementTemplate("Enjoy advising customers", True),
                RequirementTemplate("Accurate when handling cash", True),
                RequirementTemplate("Available on Saturdays", True),
                RequirementTemplate("Experience in retail", False),
                RequirementTemplate("Knowledge of cosmetics or skincare", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=1650.0,
            pay_period="month",
        ),
    ),
    formal_skills=(
        "Two years as a cashier at a discount supermarket",
        "Completed retail apprenticeship (Lehrabschluss Einzelhandel)",
        "Stocked shelves and did inventory counts at a DIY store",
        "Worked in a shoe shop, including advising customers",
        "Handled the cash register and end-of-day reconciliation",
        "Experience with handheld scanners and goods receiving",
        "Sales assistant in a mobile phone shop for one year",
        "Ran the fresh produce section in a supermarket branch",
        "Customer service at the returns desk of an electronics store",
        "Deputy manager of a bakery chain outlet",
        "Worked at the deli counter, slicing and weighing cheese and cold meats",
        "Seasonal sales at a Christmas market stall",
        "Visual merchandising in a fashion store",
    ),
    tutor_jobs=("Branch manager", "Deputy branch manager", "Department head"),
)


# --------------------------------------------------------------------------------------------
# 87 Elderly care and home care
# --------------------------------------------------------------------------------------------

ELDERLY_CARE = SectorTemplate(
    nace_division="87",
    name="Elderly care and home care",
    company_names=(
        "Pflegewohnhaus Am Wienerwald",
        "Haus der Generationen Floridsdorf",
        "Seniorenwohnen Mödling gGmbH",
        "Mobile Dienste Wien-Süd",
        "Residenz Sonnenhang",
        "Heimhilfe Plus Betreuungsdienst GmbH",
    ),
    offers=(
        OfferTemplate(
            title="Care assistant (Pflegeassistenz)",
            kinds=("vacancy",),
            description=(
                "Our care home with 120 residents on four floors is looking for a qualified care "
                "assistant. You support residents with personal hygiene, mobilisation, meals and "
                "medication under the direction of registered nurses, observe changes in their "
                "condition and document your work in our digital care records. One of our floors "
                "specialises in people living with dementia. We work in 12-hour and 8-hour "
                "shifts, including nights and weekends, with a roster planned a month ahead. We "
                "offer a permanent contract, paid further training, supervision and a modern "
                "workplace with lifting aids on every floor."
            ),
            requirements=(
                RequirementTemplate(
                    "Qualification as care assistant (Pflegeassistenz) recognised in Austria", True
                ),
                RequirementTemplate("Willing to work shifts, including nights and weekends", True),
                RequirementTemplate("Patience and empathy with older people", True),
                RequirementTemplate("Experience in elderly or dementia care", False),
                RequirementTemplate("Experience with digital care documentation", False),
                RequirementTemplate("Kinaesthetics or validation training", False),
            ),
            languages=(("de", "B2"),),
            min_isced=3,
            physical_demands=("long_standing", "heavy_lifting", "night_work"),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "night", "weekend"),
            contract_type="permanent",
            pay_amount=2300.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Home help (Heimhilfe)",
            kinds=("vacancy",),
            description=(
                "Our mobile care service supports older people and people with disabilities in "
                "their own homes. As a home help you visit four to six clients a day, help them "
                "with personal hygiene, dressing and meals, do their shopping and light "
                "housework, and make sure they are doing well. You travel between clients by "
                "public transport; we pay for the annual ticket. Your schedule is planned by a "
                "care coordinator, and you always have a contact person by phone. We offer a "
                "permanent contract of 25 to 38 hours, regular team meetings and paid training "
                "days."
            ),
            requirements=(
                RequirementTemplate("Heimhilfe certificate", True),
                RequirementTemplate("Reliable and able to work independently", True),
                RequirementTemplate("Respectful towards clients and their homes", True),
                RequirementTemplate("Available every second weekend", True),
                RequirementTemplate("Experience in home care or caring for a relative", False),
                RequirementTemplate("Driving licence B", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=2050.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Activity companion for residents",
            kinds=("vacancy", "traineeship"),
            description=(
                "We are looking for an activity companion (Alltagsbegleitung) for our care home. "
                "You plan and run group activities such as memory training, singing, baking, "
                "gardening in raised beds and seated exercise, and spend one-to-one time with "
                "residents who rarely leave their rooms. You accompany residents on walks and "
                "small outings and help at celebrations. The position is 25 hours a week, Monday "
                "to Friday, with occasional weekend events. A course in activity work or "
                "previous experience with older people is an advantage; we also take on trainees "
                "and pay for the certificate course."
            ),
            requirements=(
                RequirementTemplate("Warm and patient manner with older people", True),
                RequirementTemplate("Ideas for activities and confidence to lead a group", True),
                RequirementTemplate(
                    "Experience with older people, at work or in the family", False
                ),
                RequirementTemplate("Musical or creative skills", False),
                RequirementTemplate("Course in activity work (Seniorenanimation)", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=25.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1600.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Trainee care assistant",
            kinds=("traineeship",),
            description=(
                "Start your career in care: we offer training places for the one-year care "
                "assistant (Pflegeassistenz) programme in cooperation with a recognised nursing "
                "school. Theory blocks at the school alternate with practical placements in our "
                "care homes, where an experienced nurse accompanies you. During the training you "
                "receive a monthly stipend through the regional training scheme, and after "
                "passing the exam you are offered a permanent contract. Before the start we "
                "invite applicants to a two-day taster placement, so that you can see what the "
                "work really involves."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Willing to complete a one-year training programme", True),
                RequirementTemplate("Interest in working with older people", True),
                RequirementTemplate(
                    "Experience caring for a relative or volunteering in care", False
                ),
                RequirementTemplate("Basic computer skills", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=38.0,
            schedules=("day", "weekend"),
            contract_type="fixed_term",
            pay_amount=None,
            pay_period=None,
        ),
        OfferTemplate(
            title="Volunteer visiting service",
            kinds=("volunteering",),
            description=(
                "Many residents in our care homes have few visitors. As a volunteer in our "
                "visiting service you spend time regularly with one or two residents: talking, "
                "reading the newspaper aloud, playing cards, going for a walk in the garden or "
                "simply listening. Some residents speak Turkish, Bosnian, Croatian, Serbian or "
                "Polish and are especially happy to hear their first language. We ask for about "
                "ten hours a week, spread over two or three afternoons, for at least six months. "
                "You get an introductory course, regular volunteer meetings and insurance cover "
                "during your activities."
            ),
            requirements=(
                RequirementTemplate("Time and patience for regular visits", True),
                RequirementTemplate("Reliability over at least six months", True),
                RequirementTemplate("Other languages spoken by our residents", False),
                RequirementTemplate("Experience with older people", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=10.0,
            schedules=("day", "weekend"),
            contract_type="none",
            pay_amount=None,
            pay_period=None,
        ),
        OfferTemplate(
            title="Housekeeping and laundry assistant (care home)",
            kinds=("work_trial", "vacancy"),
            description=(
                "Our care home is looking for a housekeeping and laundry assistant. You wash, "
                "dry, iron and sort residents' personal clothing and the home's linen, return "
                "labelled clothes to the rooms and help with cleaning the common areas. Careful "
                "handling of personal belongings is important to us, because clothes mean a lot "
                "to our residents. Working hours are Monday to Friday from 7:00 to 13:00, plus "
                "every fourth weekend. We start with a one-week work trial; after that we offer "
                "a permanent contract."
            ),
            requirements=(
                RequirementTemplate("Careful and tidy way of working", True),
                RequirementTemplate("Able to stand for longer periods", True),
                RequirementTemplate("Available one weekend a month", True),
                RequirementTemplate(
                    "Experience with industrial washing machines or ironing presses", False
                ),
                RequirementTemplate("Experience in cleaning or housekeeping", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing", "heavy_lifting"),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=1600.0,
            pay_period="month",
        ),
    ),
    formal_skills=(
        "Certified care assistant (Pflegeassistenz), 4 years in a nursing home",
        "Heimhilfe qualification (home help, 400 hours) and 3 years with a mobile care service",
        "Worked night shifts on a dementia ward",
        "Experienced with mobility aids and patient hoists",
        "First aid course (16 hours), renewed in 2023",
        "Kinaesthetics basic course for safe patient handling",
        "Nursing assistant in a hospital in Romania; qualification in recognition process",
        "Documented care in a digital care-record system",
        "Ran activity groups (memory training, singing) in a day centre",
        "Basic course in palliative care",
        "Two years as a live-in carer (24-hour care) in private households",
        "Supported residents with meals and personal hygiene",
        "Validation training for communicating with people with dementia",
        "Social care worker diploma (Fachsozialbetreuung Altenarbeit)",
    ),
    tutor_jobs=("Ward manager", "Senior nurse (DGKP)", "Care coordinator"),
)


# --------------------------------------------------------------------------------------------
# 86 Hospitals and health care
# --------------------------------------------------------------------------------------------

HEALTH = SectorTemplate(
    nace_division="86",
    name="Hospitals and health care",
    company_names=(
        "Privatklinik Westpark",
        "Gesundheitszentrum Simmering",
        "Klinik Helenental",
        "Ordination Dr. Aigner & Dr. Petrović",
        "Dialysezentrum Donaustadt",
    ),
    offers=(
        OfferTemplate(
            title="Hospital porter (patient transport)",
            kinds=("vacancy",),
            description=(
                "Our hospital is looking for porters to transport patients in beds and "
                "wheelchairs between wards, X-ray, operating theatres and outpatient clinics. "
                "You also bring samples to the laboratory and deliver medical supplies. You are "
                "in contact with patients who are often anxious or in pain, so a calm and "
                "friendly manner is just as important as physical fitness. We work in a "
                "three-shift system including weekends and public holidays, with allowances for "
                "night and weekend work. Permanent contract, staff canteen, an on-site childcare "
                "facility and regular hygiene training."
            ),
            requirements=(
                RequirementTemplate("Physically fit, able to push beds and move patients", True),
                RequirementTemplate("Calm and friendly with patients", True),
                RequirementTemplate("Willing to work shifts, including nights and weekends", True),
                RequirementTemplate("Experience in a hospital or ambulance service", False),
                RequirementTemplate("First aid course", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("long_standing", "heavy_lifting", "night_work"),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day", "evening", "night", "weekend"),
            contract_type="permanent",
            pay_amount=2100.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Ward assistant",
            kinds=("vacancy", "work_trial"),
            description=(
                "On our internal medicine wards, ward assistants relieve nursing staff of "
                "non-medical tasks. You distribute meals and drinks, help patients who need "
                "support with eating, make beds, restock supplies, clean bedside tables and "
                "equipment, and take patients to examinations. You work in a team with nurses "
                "and doctors and receive training in hygiene and patient handling. Early and "
                "late shifts, every second weekend. We invite interested candidates to a short "
                "work trial on the ward. Permanent contract with pay according to the collective "
                "agreement."
            ),
            requirements=(
                RequirementTemplate("Careful approach to hygiene", True),
                RequirementTemplate("Able to work early and late shifts", True),
                RequirementTemplate("Friendly and respectful manner with patients", True),
                RequirementTemplate("Experience in care, for example with a relative", False),
                RequirementTemplate("Experience in a hospital or care home", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=35.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=2000.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Medical practice receptionist",
            kinds=("vacancy",),
            description=(
                "Our GP practice with two doctors is looking for a receptionist and practice "
                "assistant. You welcome patients, manage appointments by phone and online, scan "
                "insurance cards, prepare referrals and prescriptions and keep the waiting room "
                "organised. Once you have completed the legally required training as a practice "
                "assistant (Ordinationsassistenz), you will also take blood pressure and assist "
                "with simple examinations. We pay for the training, which can be done part-time "
                "alongside the job. 25 hours a week, mornings and one afternoon."
            ),
            requirements=(
                RequirementTemplate("Friendly and calm on the phone and at the desk", True),
                RequirementTemplate("Confident computer skills", True),
                RequirementTemplate(
                    "Ordinationsassistenz qualification, or willing to complete it in year one",
                    True,
                ),
                RequirementTemplate("Experience in a medical practice", False),
                RequirementTemplate("Additional languages spoken by our patients", False),
            ),
            languages=(("de", "B2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=25.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1600.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Sterilisation assistant (trainee)",
            kinds=("traineeship", "vacancy"),
            description=(
                "Our central sterile services department reprocesses surgical instruments for "
                "six operating theatres. As a trainee you learn to clean, check, pack and "
                "sterilise instruments following strict procedures, and to document each step. "
                "Precision and reliability matter more than previous experience. During the "
                "first months you complete the certified course for sterilisation assistants "
                "(Sterilgutassistenz) at our expense while being paid. Shifts are early, late "
                "and some Saturdays. After the training you are offered a permanent contract."
            ),
            requirements=(
                RequirementTemplate("Very careful and precise way of working", True),
                RequirementTemplate("Willing to complete the sterilisation assistant course", True),
                RequirementTemplate("Willing to work early and late shifts", True),
                RequirementTemplate(
                    "Experience in a technical or hygiene-sensitive workplace", False
                ),
                RequirementTemplate("Basic computer skills for documentation", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day", "evening", "weekend"),
            contract_type="fixed_term",
            pay_amount=1950.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Volunteer at the hospital information desk",
            kinds=("volunteering",),
            description=(
                "Our volunteers are often the first people patients and visitors meet. At the "
                "information desk in the main entrance you help people find their way to wards "
                "and outpatient clinics, accompany those who are unsure or have limited "
                "mobility, and hand out wheelchairs. Volunteers who speak other languages often "
                "help with simple orientation, though never with medical interpreting. We ask "
                "for about ten hours a week in fixed slots. You receive an introduction, "
                "volunteer insurance and a meal voucher for each shift."
            ),
            requirements=(
                RequirementTemplate("Friendly and patient with people under stress", True),
                RequirementTemplate("Reliable for fixed weekly slots", True),
                RequirementTemplate("Good sense of direction in large buildings", False),
                RequirementTemplate("Other languages useful for helping visitors", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=10.0,
            schedules=("day",),
            contract_type="none",
            pay_amount=None,
            pay_period=None,
        ),
    ),
    formal_skills=(
        "Ordinationsassistenz diploma, 2 years in a GP practice",
        "Receptionist in a dental practice for 3 years",
        "Sterilisation assistant (Sterilgutassistenz) certificate",
        "Hospital porter for 3 years, including patient transport in beds",
        "Nurse with 8 years of experience in Ukraine; nostrification in progress",
        "Trained paramedic (Rettungssanitäter), volunteers with an ambulance service",
        "Laboratory assistant in a diagnostics lab",
        "Used a hospital information system for appointment booking",
        "Distributed meals and supported patients on an internal medicine ward",
        "Hygiene training for health care settings",
        "Civilian service (Zivildienst) with the ambulance service",
        "Pharmacy assistant in Turkey for 5 years",
        "Receptionist at a physiotherapy practice",
    ),
    tutor_jobs=("Ward nurse manager", "Head of patient services", "Practice manager"),
)


# --------------------------------------------------------------------------------------------
# 81 Cleaning and facility services
# --------------------------------------------------------------------------------------------

CLEANING = SectorTemplate(
    nace_division="81",
    name="Cleaning and facility services",
    company_names=(
        "Blitzblank Gebäudereinigung GmbH",
        "Facility Partner Ost",
        "Reinigungsprofi Wien",
        "Hausbetreuung Marchfeld",
        "ProClean Services GmbH",
    ),
    offers=(
        OfferTemplate(
            title="Office cleaner (evening)",
            kinds=("vacancy",),
            description=(
                "For several office buildings we are looking for cleaners for the evening shift "
                "from 17:00 to 21:00, Monday to Friday. You empty bins, vacuum and mop floors, "
                "clean kitchens and washrooms and refill supplies according to a clear cleaning "
                "plan. You work in a small team with an on-site supervisor. Cleaning products "
                "and work clothes are provided, and you are trained in the safe use of equipment "
                "and chemicals. Permanent part-time contract, paid by the hour according to the "
                "collective agreement for cleaning services, with the option to increase hours."
            ),
            requirements=(
                RequirementTemplate("Reliable and thorough", True),
                RequirementTemplate("Able to work independently after training", True),
                RequirementTemplate("Available Monday to Friday evenings", True),
                RequirementTemplate("Experience in office or building cleaning", False),
                RequirementTemplate("Experience with floor cleaning machines", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=20.0,
            schedules=("evening",),
            contract_type="permanent",
            pay_amount=12.3,
            pay_period="hour",
        ),
        OfferTemplate(
            title="Building caretaker",
            kinds=("vacancy",),
            description=(
                "We look after residential buildings on behalf of property managers. As a "
                "caretaker you are responsible for about 15 buildings: you clean stairwells, "
                "look after bins and green areas, check the lighting, carry out small repairs "
                "and report larger damage to the property manager. In winter you clear snow and "
                "grit paths from early in the morning. You drive between buildings in a company "
                "van, which you may also use for your commute. Permanent full-time contract; "
                "smartphone and work clothes are provided."
            ),
            requirements=(
                RequirementTemplate("Driving licence B", True),
                RequirementTemplate("Practical skills for small repairs", True),
                RequirementTemplate("Willing to do snow clearing early in the morning", True),
                RequirementTemplate("Experience as a caretaker or in building maintenance", False),
                RequirementTemplate("Completed apprenticeship in a technical trade", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "driving"),
            driving_licence="B",
            hours_per_week=40.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=2150.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Hospital cleaner",
            kinds=("vacancy",),
            description=(
                "For a hospital contract we are looking for cleaners for patient rooms, "
                "corridors and outpatient areas. You clean and disinfect according to the "
                "hospital's hygiene plans, change curtains, clean beds after discharge and "
                "follow special procedures in isolation rooms. Full training in hospital hygiene "
                "is provided before you start working on the wards. Shifts are 6:00 to 12:00 or "
                "12:00 to 18:00, with two weekends a month. We offer a permanent contract, a "
                "hygiene allowance and regular team meetings."
            ),
            requirements=(
                RequirementTemplate("Careful, hygienic way of working", True),
                RequirementTemplate("Willing to follow strict procedures", True),
                RequirementTemplate("Available for weekend shifts", True),
                RequirementTemplate("Experience cleaning in a hospital or care home", False),
                RequirementTemplate(
                    "Experience with disinfectants and protective equipment", False
                ),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=1600.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Apprentice building cleaner",
            kinds=("apprenticeship",),
            description=(
                "We train apprentices in the trade of building cleaning (Denkmal-, Fassaden- "
                "und Gebäudereinigung). Over three years you learn professional cleaning of "
                "floors, glass and facades, the use of machines and chemicals, the care of "
                "natural stone and historic surfaces, and how to calculate and plan jobs. You "
                "work on varied sites, from offices to museums, and attend vocational school in "
                "blocks. Good apprentices can become team leaders quickly, as qualified staff "
                "are in high demand. Apprentice pay according to the collective agreement."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Interest in practical work", True),
                RequirementTemplate("Comfortable working on ladders and platforms", True),
                RequirementTemplate("Taster days in cleaning or a trade", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day",),
            contract_type="apprenticeship",
            pay_amount=850.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Room attendant (hotel housekeeping)",
            kinds=("vacancy", "work_trial"),
            description=(
                "On behalf of a city hotel with 180 rooms, we are looking for room attendants. "
                "You clean and prepare guest rooms and bathrooms to hotel standards, change bed "
                "linen, restock amenities and report any defects. A room attendant cleans about "
                "14 to 16 rooms per shift, depending on departures and stayovers. Working hours "
                "are from 8:00 to 14:30, including weekends on a rotating basis. A paid trial "
                "day lets you see the work before you decide. Permanent contract, full or part "
                "time possible."
            ),
            requirements=(
                RequirementTemplate("Fast and thorough way of working", True),
                RequirementTemplate("Physically fit for a job on your feet", True),
                RequirementTemplate("Available on weekends in rotation", True),
                RequirementTemplate("Experience in hotel housekeeping", False),
                RequirementTemplate("Eye for detail", False),
            ),
            languages=(("de", "A1"),),
            min_isced=None,
            physical_demands=("long_standing", "heavy_lifting"),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=1600.0,
            pay_period="month",
        ),
    ),
    formal_skills=(
        "3 years of office cleaning with a facility services company",
        "Operated scrubber-dryer machines on large floor areas",
        "Hotel room attendant, 16 rooms per shift",
        "Knows the dosing of cleaning chemicals and how to read safety data sheets",
        "Completed apprenticeship in building cleaning",
        "Building caretaker: small repairs, bins, snow clearing",
        "Cleaning in a hospital, including isolation rooms",
        "Window cleaning with telescopic poles and on aerial platforms",
        "Team leader for a cleaning crew of six",
        "Hygiene training for clean rooms",
        "Carpet and upholstery cleaning with extraction machines",
        "Night cleaning in supermarkets",
    ),
    tutor_jobs=("Site supervisor (Objektleitung)", "Cleaning team leader", "Facility manager"),
)


# --------------------------------------------------------------------------------------------
# 81 Gardening and landscaping
# --------------------------------------------------------------------------------------------

GARDENING = SectorTemplate(
    nace_division="81",
    name="Gardening and landscaping",
    company_names=(
        "Grünraum Landschaftsbau GmbH",
        "Gärtnerei Blumenwiese",
        "Baumpflege Wienerwald",
        "Grünpflege Süd",
        "Nachbarschaftsgarten Verein Wurzelwerk",
    ),
    offers=(
        OfferTemplate(
            title="Gardening assistant (seasonal)",
            kinds=("vacancy",),
            description=(
                "For the season from March to November we are looking for gardening assistants "
                "for our maintenance teams. You mow lawns, cut hedges, prune shrubs, plant "
                "flowers, weed beds and keep paths clean in private gardens, residential "
                "complexes and company premises. You work in a team of two or three and travel "
                "between sites in a company vehicle. We provide protective clothing and train "
                "you to use mowers and hedge trimmers safely. Fixed-term contract for the "
                "season, with a good chance of being re-employed next year."
            ),
            requirements=(
                RequirementTemplate("Enjoy working outdoors in all weather", True),
                RequirementTemplate("Physically fit", True),
                RequirementTemplate("Experience in gardening, at work or privately", False),
                RequirementTemplate("Driving licence B", False),
                RequirementTemplate("Basic knowledge of plants", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "long_standing"),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day",),
            contract_type="fixed_term",
            pay_amount=2000.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Apprentice landscape gardener",
            kinds=("apprenticeship",),
            description=(
                "Would you like to create parks, gardens and green roofs? We train apprentice "
                "gardeners specialising in landscaping and green spaces. Over three years you "
                "learn planting and plant care, laying paths and paving, building walls and "
                "steps, installing irrigation and operating machines. You work on real projects "
                "from the first day and attend vocational school in blocks. We provide work "
                "clothes and safety shoes and pay for the driving licence B during the "
                "apprenticeship. Apprentice pay according to the collective agreement."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Enjoy working outdoors", True),
                RequirementTemplate("Practical skills and interest in plants", True),
                RequirementTemplate("Taster days in gardening", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("heavy_lifting",),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day",),
            contract_type="apprenticeship",
            pay_amount=850.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Groundskeeper with driving licence",
            kinds=("vacancy",),
            description=(
                "Our team maintains the green areas of several housing estates and a business "
                "park. As a groundskeeper you work largely on your own: you drive the company "
                "van with trailer, mow with a ride-on mower, trim edges, empty bins, remove "
                "litter and look after playgrounds. In winter you clear snow and grit paths, "
                "sometimes from 4:00 in the morning. We offer year-round employment, a permanent "
                "contract and overtime paid with allowances."
            ),
            requirements=(
                RequirementTemplate("Driving licence B, ideally also BE for trailers", True),
                RequirementTemplate("Experience with lawn mowers and brush cutters", True),
                RequirementTemplate("Willing to do winter service early in the morning", True),
                RequirementTemplate("Experience in green-space maintenance", False),
                RequirementTemplate("Playground safety inspection course", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "driving"),
            driving_licence="B",
            hours_per_week=40.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=2200.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Greenhouse assistant",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our plant nursery grows vegetable seedlings, herbs and bedding plants for "
                "garden centres. In the greenhouse you pot and repot plants, water and space "
                "them, pick and pack orders for our customers and keep the greenhouses clean. "
                "The busy season runs from February to June, when we also work some Saturdays. "
                "We are happy to train people without previous experience and start with a work "
                "trial of a few days. Permanent part-time contract of 30 hours, with more hours "
                "possible in spring."
            ),
            requirements=(
                RequirementTemplate("Careful handling of plants", True),
                RequirementTemplate("Able to work standing and bending", True),
                RequirementTemplate("Available for some Saturdays in spring", True),
                RequirementTemplate("Experience in gardening or agriculture", False),
                RequirementTemplate("Forklift licence", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=1550.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Volunteer in a community garden",
            kinds=("volunteering",),
            description=(
                "Our neighbourhood association runs a community garden with 40 raised beds, a "
                "herb garden and a small orchard. We are looking for volunteers who help with "
                "watering, composting, building and repairing beds and organising garden days "
                "with neighbours and school classes. Gardening knowledge is welcome, but "
                "curiosity and reliability matter more. We meet twice a week in the afternoon "
                "and on one Saturday a month. Volunteers can share a raised bed for their own "
                "vegetables."
            ),
            requirements=(
                RequirementTemplate("Reliable for the agreed watering rota", True),
                RequirementTemplate("Enjoy working with neighbours of all backgrounds", True),
                RequirementTemplate("Gardening or farming experience", False),
                RequirementTemplate("DIY skills", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=10.0,
            schedules=("day", "weekend"),
            contract_type="none",
            pay_amount=None,
            pay_period=None,
        ),
    ),
    formal_skills=(
        "Two seasons with a landscaping company, planting and lawn care",
        "Operated ride-on mowers and brush cutters",
        "Basic chainsaw course",
        "Completed apprenticeship as a gardener",
        "Worked in a greenhouse potting and watering plants",
        "Laid paving stones and built dry-stone walls",
        "Installed and maintained drip irrigation systems",
        "Pruning of fruit trees and hedges",
        "Winter service: snow clearing and gritting",
        "Agriculture diploma from Afghanistan, worked on the family farm",
        "Driving licence B and BE (trailer)",
        "Knows common ornamental plants by name",
    ),
    tutor_jobs=("Foreperson", "Master gardener", "Site manager"),
)


# --------------------------------------------------------------------------------------------
# 52 Warehousing and logistics
# --------------------------------------------------------------------------------------------

LOGISTICS = SectorTemplate(
    nace_division="52",
    name="Warehousing and logistics",
    company_names=(
        "LogiPark Wien-Süd GmbH",
        "Donauhafen Logistik",
        "Lagerhaus Ost Distribution",
        "Fresh Food Hub Inzersdorf",
        "Paketzentrum Nord",
    ),
    offers=(
        OfferTemplate(
            title="Warehouse operative (order picking)",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our distribution centre supplies around 200 shops with food and household "
                "goods. As a warehouse operative you pick orders with a handheld scanner and an "
                "electric pallet truck, build stable pallets and prepare them for loading. You "
                "work an early or late shift, Monday to Friday, with occasional Saturdays before "
                "public holidays. We train you on all equipment and, after the probation "
                "period, pay for your forklift licence. Permanent contract, shift allowance, "
                "free parking and a canteen."
            ),
            requirements=(
                RequirementTemplate("Physically fit, able to lift up to 20 kg repeatedly", True),
                RequirementTemplate("Willing to work early or late shifts", True),
                RequirementTemplate("Accurate, even under time pressure", True),
                RequirementTemplate("Experience with handheld scanners", False),
                RequirementTemplate("Forklift licence", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "long_standing"),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day", "evening"),
            contract_type="permanent",
            pay_amount=2150.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Forklift driver (night shift)",
            kinds=("vacancy",),
            description=(
                "We are looking for an experienced forklift driver for our night shift from "
                "22:00 to 6:00. You unload and load trucks, store pallets in high-bay racks "
                "with reach trucks, book movements in the warehouse management system and keep "
                "your area safe and tidy. Night work is paid with a 50 percent allowance on top "
                "of your base pay. You will be part of a small, experienced night team with a "
                "shift supervisor on site. Permanent full-time contract."
            ),
            requirements=(
                RequirementTemplate("Forklift licence (Staplerschein)", True),
                RequirementTemplate("At least one year of forklift experience", True),
                RequirementTemplate("Willing to work night shifts permanently", True),
                RequirementTemplate("Experience with reach trucks in high-bay racks", False),
                RequirementTemplate("Basic computer skills", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("night_work",),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("night",),
            contract_type="permanent",
            pay_amount=2400.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Apprentice in warehouse logistics",
            kinds=("apprenticeship",),
            description=(
                "We train apprentices in operational logistics (Betriebslogistik). Over three "
                "years you get to know every area of our logistics centre: goods receiving, "
                "storage, order picking, shipping, inventory management and dispatch planning. "
                "You learn to work with our warehouse management system and obtain your "
                "forklift licence during the apprenticeship. You attend vocational school in "
                "blocks and have a personal trainer on site. Apprentice pay according to the "
                "collective agreement, plus a bonus for good results."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Interest in logistics and organisation", True),
                RequirementTemplate("Good basic maths", True),
                RequirementTemplate("Basic computer skills", False),
                RequirementTemplate("Taster days in a warehouse", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("heavy_lifting",),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day",),
            contract_type="apprenticeship",
            pay_amount=900.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Goods-in clerk",
            kinds=("vacancy",),
            description=(
                "In our goods-in area you check incoming deliveries against delivery notes and "
                "purchase orders, record quantities and damage in the system, print labels and "
                "clarify discrepancies with suppliers and the purchasing team. You are the link "
                "between the warehouse and the office, so you will spend part of your day at the "
                "computer and part in the warehouse. Working hours are Monday to Friday from "
                "7:00 to 15:30. Permanent contract, training in our ERP system and a friendly "
                "team."
            ),
            requirements=(
                RequirementTemplate("Good computer skills, including Excel", True),
                RequirementTemplate("Accurate and well organised", True),
                RequirementTemplate("Experience in a warehouse or goods-in area", False),
                RequirementTemplate("Experience with SAP or another ERP system", False),
                RequirementTemplate("Forklift licence", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=2250.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Christmas season packer",
            kinds=("vacancy",),
            description=(
                "For the busy weeks before Christmas our online shop warehouse needs extra "
                "hands. From mid-November to the end of December you pack orders, check them "
                "against the picking list, label parcels and prepare them for the courier. "
                "Shifts are from 14:00 to 22:00 or 22:00 to 6:00, including some Saturdays. No "
                "experience needed: you will be trained on the first day. Temporary contract, "
                "paid by the hour, with night and Saturday allowances. Good seasonal staff are "
                "regularly offered permanent positions."
            ),
            requirements=(
                RequirementTemplate("Fast and careful way of working", True),
                RequirementTemplate("Available for evening or night shifts", True),
                RequirementTemplate("Able to stand for a full shift", True),
                RequirementTemplate("Experience in packing or in a warehouse", False),
            ),
            languages=(("de", "A1"),),
            min_isced=None,
            physical_demands=("long_standing", "night_work"),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("evening", "night", "weekend"),
            contract_type="temporary",
            pay_amount=13.5,
            pay_period="hour",
        ),
    ),
    formal_skills=(
        "Forklift licence and 2 years driving reach trucks",
        "Order picking with pick-by-voice",
        "Warehouse worker in a cold store (-25 °C)",
        "Completed apprenticeship in warehouse logistics",
        "Goods receiving: checked delivery notes against orders",
        "Used SAP for stock bookings",
        "Loaded trucks and secured loads with straps",
        "Inventory counts with handheld scanners",
        "Packer for an online fashion retailer",
        "Team leader of 8 pickers on the night shift",
        "Dangerous goods awareness training (ADR basics)",
        "Electric pallet truck operation",
    ),
    tutor_jobs=("Shift supervisor", "Warehouse manager", "Logistics team leader"),
)


# --------------------------------------------------------------------------------------------
# 49 Land transport and delivery
# --------------------------------------------------------------------------------------------

TRANSPORT = SectorTemplate(
    nace_division="49",
    name="Land transport and delivery",
    company_names=(
        "TransAustria Spedition",
        "Pannonia Bus Regionalverkehr GmbH",
        "CityVan Zustellservice",
        "Fahrtendienst Mobil & Sicher",
        "Lastenrad Kurier Kollektiv",
    ),
    offers=(
        OfferTemplate(
            title="Delivery driver (van)",
            kinds=("vacancy",),
            description=(
                "We deliver parcels for several courier companies in the greater Vienna area. "
                "As a delivery driver you load your van in the morning at our depot, deliver "
                "around 120 parcels along a planned route and collect returns. A scanner app "
                "guides you and records proof of delivery. You are employed directly by us, not "
                "self-employed, with a permanent contract, a company van and a fuel card. "
                "Working hours are Monday to Friday from 7:00, typically until 16:30. New "
                "drivers go out with an experienced colleague for the first week."
            ),
            requirements=(
                RequirementTemplate("Driving licence B held for at least two years", True),
                RequirementTemplate("Able to carry parcels of up to 31.5 kg", True),
                RequirementTemplate("Friendly with customers at the door", True),
                RequirementTemplate("Good orientation and local knowledge", False),
                RequirementTemplate("Experience in parcel delivery", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("driving", "heavy_lifting"),
            driving_licence="B",
            hours_per_week=40.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=2100.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Bus driver (training provided)",
            kinds=("vacancy", "traineeship"),
            description=(
                "Our regional bus company runs routes between Vienna and the surrounding towns. "
                "We are looking for people who want to become bus drivers. If you do not yet "
                "have a licence D, we train you: the licence and the driver qualification card "
                "(Code 95) are paid by us, and you receive a salary during the training. "
                "Afterwards you drive regular routes in a shift system with early, late and "
                "weekend services. We offer a permanent contract, modern vehicles and a mentor "
                "for your first months on the road."
            ),
            requirements=(
                RequirementTemplate("Driving licence B held for at least three years", True),
                RequirementTemplate(
                    "Licence D with Code 95, or willing to obtain it with our support", True
                ),
                RequirementTemplate("Calm and friendly with passengers", True),
                RequirementTemplate("Willing to work shifts, including weekends", True),
                RequirementTemplate("Experience driving minibuses or vans", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("driving",),
            driving_licence="D",
            hours_per_week=40.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=2600.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Truck driver (regional distribution)",
            kinds=("vacancy",),
            description=(
                "For our regional distribution tours we are looking for truck drivers with "
                "licence C. You deliver building materials to construction sites and builders' "
                "merchants within about 150 km, mostly with a truck-mounted crane. You are home "
                "every evening. Tours start early in the morning, around 5:00. We offer a "
                "modern, well-maintained fleet, a permanent contract, pay above the collective "
                "agreement and training for the loading crane if you do not yet have the "
                "certificate."
            ),
            requirements=(
                RequirementTemplate("Driving licence C with Code 95", True),
                RequirementTemplate("Valid driver card for the digital tachograph", True),
                RequirementTemplate("Knowledge of load securing", True),
                RequirementTemplate("Experience in distribution transport", False),
                RequirementTemplate("Loading crane certificate", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("driving", "heavy_lifting"),
            driving_licence="C",
            hours_per_week=40.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=2500.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Driver for a transport service for people with disabilities",
            kinds=("vacancy",),
            description=(
                "Our special transport service takes people with disabilities and older people "
                "to day centres, therapy and medical appointments. You drive a minibus with a "
                "wheelchair lift, help passengers get in and out safely and secure wheelchairs. "
                "Many passengers travel with us every day, so you get to know them well. You "
                "work 25 hours a week, mainly mornings and afternoons on weekdays. A taxi driver "
                "permit is helpful; if you do not have one, we support you in getting it. "
                "Permanent part-time contract."
            ),
            requirements=(
                RequirementTemplate("Driving licence B", True),
                RequirementTemplate("Patience and a helpful manner", True),
                RequirementTemplate(
                    "Taxi driver permit (Taxilenkerausweis) or willing to obtain it", False
                ),
                RequirementTemplate(
                    "Experience with people with disabilities or older people", False
                ),
                RequirementTemplate("Good local knowledge", False),
            ),
            languages=(("de", "B1"),),
            min_isced=None,
            physical_demands=("driving",),
            driving_licence="B",
            hours_per_week=25.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=13.0,
            pay_period="hour",
        ),
        OfferTemplate(
            title="Cargo bike courier",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our cargo bike courier service delivers documents, parcels and groceries "
                "within the city, quickly and emission-free. You ride an electric cargo bike, "
                "receive jobs through an app, pick up and deliver on time and take care of your "
                "bike. You work shifts of four to eight hours, Monday to Saturday, and agree "
                "your hours with the dispatch team. You are employed on a part-time contract, "
                "not freelance. We provide the bike, rain gear and a phone. A trial shift with "
                "an experienced courier is part of the application."
            ),
            requirements=(
                RequirementTemplate("Confident cycling in city traffic", True),
                RequirementTemplate("Reliable and punctual", True),
                RequirementTemplate("Able to use a smartphone app", True),
                RequirementTemplate("Knowledge of the city", False),
                RequirementTemplate("Experience as a bike courier or delivery rider", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=25.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=12.5,
            pay_period="hour",
        ),
    ),
    formal_skills=(
        "Driving licence C and CE with Code 95",
        "5 years as a parcel delivery driver",
        "Vienna taxi driver permit (Taxilenkerausweis)",
        "Bus driver in Serbia for 10 years; licence D still to be converted",
        "Knows the tachograph rules and has a driver card",
        "3 years of food delivery by bike, knows the city very well",
        "Forklift licence in addition to the truck licence",
        "Drove a minibus for a school transport service",
        "Load securing training",
        "Accident-free driving for 12 years",
        "Experienced with route planning apps and electronic proof of delivery",
        "Loading crane certificate",
    ),
    tutor_jobs=("Fleet manager", "Senior driver", "Dispatcher"),
)


# --------------------------------------------------------------------------------------------
# 43 Construction and building trades
# --------------------------------------------------------------------------------------------

CONSTRUCTION = SectorTemplate(
    nace_division="43",
    name="Construction and building trades",
    company_names=(
        "Bau Kovač GmbH",
        "Malerei Hofbauer",
        "Trockenbau Wienerberg",
        "Installationen Danube Haustechnik",
        "Fliesen Stadler",
    ),
    offers=(
        OfferTemplate(
            title="Construction helper",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our building company works on residential refurbishments and new builds. As a "
                "construction helper you support our bricklayers and carpenters on site: you "
                "carry and prepare materials, mix mortar, help with formwork and scaffolding, "
                "keep the site clean and load and unload deliveries. We train you on the job "
                "and in site safety. Working hours are Monday to Thursday 7:00 to 16:30 and "
                "Friday until 12:00. Pay according to the collective agreement for construction, "
                "with travel allowances. A work trial of a few days is possible."
            ),
            requirements=(
                RequirementTemplate("Physically fit for heavy work outdoors", True),
                RequirementTemplate("Reliable and punctual", True),
                RequirementTemplate("Willing to learn and follow safety rules", True),
                RequirementTemplate("Previous work on building sites", False),
                RequirementTemplate("Driving licence B", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "long_standing"),
            driving_licence=None,
            hours_per_week=39.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=15.5,
            pay_period="hour",
        ),
        OfferTemplate(
            title="Apprentice painter and decorator",
            kinds=("apprenticeship",),
            description=(
                "Our family-run painting business trains apprentices as painters and coating "
                "technicians (Maler und Beschichtungstechniker). Over three years you learn to "
                "prepare surfaces, fill and sand, paint walls and ceilings, hang wallpaper and "
                "apply decorative techniques and protective coatings. You work with experienced "
                "painters on private, commercial and heritage projects. Vocational school takes "
                "place in blocks. We offer a modern workshop, work clothing and apprentice pay "
                "above the collective agreement in the third year."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Careful, clean way of working", True),
                RequirementTemplate("Comfortable working on ladders and scaffolding", True),
                RequirementTemplate("A good eye for colour", False),
                RequirementTemplate("Taster days as a painter", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=39.0,
            schedules=("day",),
            contract_type="apprenticeship",
            pay_amount=950.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Drywall installer helper",
            kinds=("vacancy",),
            description=(
                "For interior fit-out projects in offices and apartments we are looking for a "
                "helper in drywall construction. You assist our installers in setting out and "
                "building metal stud walls, fitting plasterboard, filling joints and installing "
                "suspended ceilings. We provide tools and protective equipment. You work in a "
                "small team and learn step by step; experienced helpers can move up to a higher "
                "pay grade. Permanent full-time contract, Monday to Friday."
            ),
            requirements=(
                RequirementTemplate("Physically fit", True),
                RequirementTemplate("Able to measure accurately with a tape measure", True),
                RequirementTemplate("Experience with plasterboard or interior fit-out", False),
                RequirementTemplate("Experience with power tools", False),
                RequirementTemplate("Driving licence B", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("heavy_lifting", "long_standing"),
            driving_licence=None,
            hours_per_week=39.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=15.8,
            pay_period="hour",
        ),
        OfferTemplate(
            title="Plumbing and heating installer",
            kinds=("vacancy",),
            description=(
                "Our installation company looks after heating, gas and water systems in "
                "apartments and commercial buildings. We are looking for a qualified installer "
                "for service and installation jobs. You install and maintain boilers, heat pumps "
                "and radiators, replace pipework and fit bathrooms. You drive a fully equipped "
                "service van and are in direct contact with our customers. We offer pay above "
                "the collective agreement, paid training on heat pumps and a permanent contract. "
                "On-call duty in winter, one week in six, is paid separately."
            ),
            requirements=(
                RequirementTemplate(
                    "Qualified plumbing and heating installer, or equivalent qualification "
                    "from abroad",
                    True,
                ),
                RequirementTemplate("Driving licence B", True),
                RequirementTemplate("Experience in customer service jobs", False),
                RequirementTemplate("Experience with heat pumps", False),
                RequirementTemplate("Gas installation certificate", False),
            ),
            languages=(("de", "B1"),),
            min_isced=3,
            physical_demands=("driving", "heavy_lifting"),
            driving_licence="B",
            hours_per_week=39.0,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=2900.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Tiler's assistant (work trial)",
            kinds=("work_trial",),
            description=(
                "We are a small tiling company specialising in bathroom renovations. To grow our "
                "team, we offer a two-week work trial as a tiler's assistant. You help remove "
                "old tiles, carry materials, mix adhesive and grout, cut tiles and clean up at "
                "the end of the day. If both sides are happy after the trial, we will offer you "
                "a permanent job as an assistant, with the option of completing an "
                "apprenticeship later. We value reliability and care more than previous "
                "experience."
            ),
            requirements=(
                RequirementTemplate("Reliable and careful", True),
                RequirementTemplate("Physically fit", True),
                RequirementTemplate("Experience in tiling or renovation", False),
                RequirementTemplate("Driving licence B", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("heavy_lifting",),
            driving_licence=None,
            hours_per_week=39.0,
            schedules=("day",),
            contract_type="none",
            pay_amount=None,
            pay_period=None,
        ),
    ),
    formal_skills=(
        "Completed apprenticeship as a bricklayer",
        "3 years as a helper on building sites",
        "Painter and decorator in Syria for 8 years",
        "Drywall and suspended ceilings",
        "Tiling of bathrooms and kitchens",
        "Qualified plumbing and heating installer",
        "Construction site safety and fall protection training",
        "Operated a mini excavator",
        "Scaffolding assembly",
        "Can read construction drawings",
        "External wall insulation (ETICS)",
        "Helper for an electrician, cable laying and sockets",
        "Concrete formwork",
    ),
    tutor_jobs=("Site foreperson (Polier)", "Master painter", "Project manager"),
)


# --------------------------------------------------------------------------------------------
# 10 Food manufacturing
# --------------------------------------------------------------------------------------------

FOOD_MANUFACTURING = SectorTemplate(
    nace_division="10",
    name="Food manufacturing",
    company_names=(
        "Backstube Mayrhofer",
        "Feinkost Donaufeld",
        "Wiener Teigwaren Manufaktur",
        "Süßwaren Kagran GmbH",
        "Frischküche Liesing",
        "Molkerei Marchfeld",
    ),
    offers=(
        OfferTemplate(
            title="Production worker (food packaging)",
            kinds=("vacancy", "work_trial"),
            description=(
                "Our company produces ready meals and salads for supermarkets. On our packaging "
                "lines you portion and pack products, check weights and labels, feed packaging "
                "materials and keep your workstation clean. The production area is kept at "
                "around 4 °C, so we provide warm workwear. We work in three shifts, Monday to "
                "Friday, with shift allowances. Training on hygiene rules and machines is part "
                "of your first week. A two-day work trial is possible. Permanent contract."
            ),
            requirements=(
                RequirementTemplate("Hygienic and careful way of working", True),
                RequirementTemplate("Willing to work rotating shifts, including nights", True),
                RequirementTemplate("Able to work in a cold environment", True),
                RequirementTemplate("Experience in food production", False),
                RequirementTemplate("HACCP training", False),
            ),
            languages=(("de", "A1"),),
            min_isced=None,
            physical_demands=("long_standing", "night_work"),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day", "evening", "night"),
            contract_type="permanent",
            pay_amount=2150.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Bakery production assistant (night shift)",
            kinds=("vacancy",),
            description=(
                "Our bakery produces bread, rolls and pastries for our own shops and for "
                "restaurants. On the night shift from 22:00 to 6:00 you weigh ingredients, "
                "operate dough dividers and ovens, shape rolls, load trays and pack the finished "
                "goods for delivery. You are trained by our master baker. We offer a permanent "
                "contract, night allowances and fresh bread to take home. Experience in a bakery "
                "is welcome but not required."
            ),
            requirements=(
                RequirementTemplate("Willing to work night shifts", True),
                RequirementTemplate("Able to lift up to 25 kg", True),
                RequirementTemplate("Hygienic way of working", True),
                RequirementTemplate("Experience in a bakery", False),
                RequirementTemplate("Experience with ovens or bakery machines", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("night_work", "heavy_lifting", "long_standing"),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("night", "weekend"),
            contract_type="permanent",
            pay_amount=2200.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Apprentice baker",
            kinds=("apprenticeship",),
            description=(
                "We train apprentice bakers in our traditional craft bakery. Over three years "
                "you learn to make sourdough bread, rolls, Danish pastries and seasonal "
                "specialities by hand and with modern machines. You also learn about raw "
                "materials, hygiene and costing. Work starts early in the morning, which means "
                "free afternoons. Vocational school takes place in blocks. We offer a bonus for "
                "good exam results and the chance to stay on after the apprenticeship."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Interest in baking and food", True),
                RequirementTemplate("Willing to start work early in the morning", True),
                RequirementTemplate("Taster days in a bakery", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=40.0,
            schedules=("day", "weekend"),
            contract_type="apprenticeship",
            pay_amount=850.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Machine operator trainee (packaging line)",
            kinds=("traineeship",),
            description=(
                "We are looking for trainees who want to become machine operators in our "
                "confectionery production. In a six-month traineeship you learn to set up, "
                "operate and clean our packaging machines, carry out product changeovers, fix "
                "small faults and document quality checks. You are paid from the first day and "
                "accompanied by an experienced line supervisor. After successful completion you "
                "are taken on as a machine operator in a higher pay grade. Shifts are early and "
                "late, Monday to Friday."
            ),
            requirements=(
                RequirementTemplate("Technical understanding", True),
                RequirementTemplate("Willing to work early and late shifts", True),
                RequirementTemplate("Completed apprenticeship in a technical trade", False),
                RequirementTemplate("Experience in production or machine operation", False),
                RequirementTemplate("Basic computer skills", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day", "evening"),
            contract_type="fixed_term",
            pay_amount=2100.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Quality control assistant",
            kinds=("vacancy",),
            description=(
                "Our quality team makes sure that every product leaving our dairy is safe and "
                "meets our specifications. As a quality control assistant you take samples on "
                "the production lines, carry out simple tests for pH, temperature and weight, "
                "check labels and best-before dates, and record the results. You also support "
                "hygiene audits and document cleaning checks. Day shift, Monday to Friday, with "
                "one Saturday a month. Permanent contract."
            ),
            requirements=(
                RequirementTemplate(
                    "Completed vocational training or upper secondary school", True
                ),
                RequirementTemplate("Precise and reliable documentation", True),
                RequirementTemplate("Good computer skills", True),
                RequirementTemplate("Experience in food production or a laboratory", False),
                RequirementTemplate("HACCP training", False),
            ),
            languages=(("de", "B1"),),
            min_isced=3,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day", "weekend"),
            contract_type="permanent",
            pay_amount=2400.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Seasonal packer (confectionery)",
            kinds=("vacancy",),
            description=(
                "For the Easter and Christmas seasons our confectionery needs additional staff "
                "to pack gift boxes and seasonal products. You assemble boxes, fill them by "
                "hand, check them for damage and pack them into cartons for shipping. The work "
                "is clean and light, done mostly standing at packing tables. Seasonal contracts "
                "of six to eight weeks, day shifts only. Seasonal staff who do well are invited "
                "back every year."
            ),
            requirements=(
                RequirementTemplate("Careful and fast way of working", True),
                RequirementTemplate("Able to stand for the whole shift", True),
                RequirementTemplate("Available for the whole season", True),
                RequirementTemplate("Experience in packing or production", False),
            ),
            languages=(("de", "A1"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day",),
            contract_type="temporary",
            pay_amount=13.0,
            pay_period="hour",
        ),
    ),
    formal_skills=(
        "Production worker at a meat processing plant for 4 years",
        "Completed apprenticeship as a baker",
        "Machine operator on a packaging line",
        "Pastry chef in Istanbul for 6 years",
        "HACCP training; worked with cleaning plans",
        "Worked in a cold environment in a dairy",
        "Quality checks: weighing, labelling, metal detector tests",
        "Forklift licence, used in a production warehouse",
        "Completed apprenticeship as a butcher",
        "Made pita and flatbread in a family bakery",
        "Night shift in an industrial bakery",
        "Cleaning and sanitising production lines",
    ),
    tutor_jobs=("Production manager", "Master baker", "Line supervisor", "Quality manager"),
)


# --------------------------------------------------------------------------------------------
# 82 Office support, customer service and IT helpdesk
# --------------------------------------------------------------------------------------------

OFFICE = SectorTemplate(
    nace_division="82",
    name="Office support, customer service and IT helpdesk",
    company_names=(
        "ServiceCenter Wien GmbH",
        "Donau Contact Solutions",
        "Bürohilfe Mariahilf",
        "DataPoint Scanning Services",
        "HelpDesk Ost IT-Services",
    ),
    offers=(
        OfferTemplate(
            title="Customer service agent (call centre)",
            kinds=("vacancy",),
            description=(
                "Our service centre handles customer enquiries for an energy supplier and a "
                "public transport company. As a customer service agent you answer calls and "
                "emails, help customers with bills, contracts and tickets, and record every case "
                "in our CRM system. You receive four weeks of paid training before taking calls "
                "on your own. Flexible shifts between 7:00 and 20:00, Monday to Saturday, "
                "planned around your availability. Part-time or full-time, permanent contract, "
                "a modern office close to public transport and the option of working from home "
                "after six months."
            ),
            requirements=(
                RequirementTemplate("Clear and friendly telephone manner", True),
                RequirementTemplate("Good computer skills", True),
                RequirementTemplate("Patient with frustrated customers", True),
                RequirementTemplate("Experience in customer service", False),
                RequirementTemplate("Additional languages", False),
            ),
            languages=(("de", "B2"), ("en", "A2")),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "evening", "weekend"),
            contract_type="permanent",
            pay_amount=1750.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Office assistant (traineeship)",
            kinds=("traineeship",),
            description=(
                "We offer a six-month office traineeship for people who want to start or "
                "restart a career in administration. You work in our back office: filing and "
                "scanning, data entry, answering the phone, preparing letters, handling incoming "
                "mail and supporting colleagues in accounting. You also attend a Word and Excel "
                "course during working hours. The traineeship is designed for people returning "
                "to work, career changers and people whose qualifications from abroad are not "
                "yet recognised. Paid traineeship on a fixed-term contract; a permanent position "
                "is possible afterwards."
            ),
            requirements=(
                RequirementTemplate("Basic computer skills", True),
                RequirementTemplate("Well organised and reliable", True),
                RequirementTemplate("Experience in an office", False),
                RequirementTemplate("Knowledge of Word and Excel", False),
                RequirementTemplate("Commercial training or school, also from abroad", False),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day",),
            contract_type="fixed_term",
            pay_amount=1500.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Apprentice office administrator",
            kinds=("apprenticeship",),
            description=(
                "We train apprentices as office administrators (Bürokaufmann/Bürokauffrau). "
                "Over three years you get to know every area of our company: reception, "
                "purchasing, customer service, accounting and human resources. You learn to work "
                "with our business software, write professional letters and emails, and "
                "organise appointments and meetings. Vocational school in blocks, a personal "
                "trainer and regular feedback meetings. Apprentice pay according to the "
                "collective agreement, plus a bonus for good school results."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Good computer skills", True),
                RequirementTemplate("Interest in organisation and administration", True),
                RequirementTemplate("Taster days in an office", False),
                RequirementTemplate("Good English", False),
            ),
            languages=(("de", "B1"), ("en", "A2")),
            min_isced=2,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day",),
            contract_type="apprenticeship",
            pay_amount=800.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="IT helpdesk trainee (first-level support)",
            kinds=("traineeship", "vacancy"),
            description=(
                "Our IT service desk supports around 3,000 users in public institutions and "
                "companies. As a trainee in first-level support you take calls and tickets, "
                "reset passwords, help with printer, email and VPN problems, set up laptops and "
                "document solutions in our knowledge base. In the first three months you receive "
                "structured training and prepare for an IT certificate at our expense. Technical "
                "curiosity and patience with users matter more than formal qualifications. After "
                "the traineeship we offer a permanent position."
            ),
            requirements=(
                RequirementTemplate(
                    "Good understanding of Windows and common office software", True
                ),
                RequirementTemplate(
                    "Patience and clear explanations for non-technical users", True
                ),
                RequirementTemplate(
                    "Experience setting up computers or networks, also privately", False
                ),
                RequirementTemplate(
                    "IT training or studies, also unfinished or from abroad", False
                ),
                RequirementTemplate("English for technical documentation", False),
            ),
            languages=(("de", "B1"), ("en", "B1")),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=38.5,
            schedules=("day",),
            contract_type="fixed_term",
            pay_amount=2100.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Document scanning clerk",
            kinds=("vacancy", "work_trial"),
            description=(
                "For a digitisation project for an insurance company we are looking for staff "
                "to prepare and scan documents. You remove staples, sort and prepare files, scan "
                "them on high-volume scanners, check image quality and index documents in our "
                "software. The work is calm and done in a small team. Working hours are flexible "
                "between 7:00 and 18:00, Monday to Friday. We start with a two-day work trial, "
                "followed by a twelve-month fixed-term contract with the option of extension."
            ),
            requirements=(
                RequirementTemplate("Careful and concentrated way of working", True),
                RequirementTemplate("Basic computer skills", True),
                RequirementTemplate("Experience with scanning or data entry", False),
                RequirementTemplate("Fast typing", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=25.0,
            schedules=("day",),
            contract_type="fixed_term",
            pay_amount=1450.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Receptionist (office building)",
            kinds=("vacancy",),
            description=(
                "For a modern office building with several tenant companies we are looking for "
                "a receptionist. You welcome visitors, issue visitor passes, answer the phone, "
                "accept parcels and manage meeting room bookings. You are the first point of "
                "contact for tenants when something needs fixing, and you pass requests on to "
                "facility management. Working hours are either 7:00 to 13:00 or 13:00 to 19:00, "
                "Monday to Friday. Permanent contract, a well-kept workplace and a small, "
                "friendly team."
            ),
            requirements=(
                RequirementTemplate("Friendly and professional manner", True),
                RequirementTemplate("Good computer skills", True),
                RequirementTemplate("Experience at a reception desk", False),
                RequirementTemplate("Additional languages", False),
            ),
            languages=(("de", "B2"), ("en", "B1")),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day", "evening"),
            contract_type="permanent",
            pay_amount=1700.0,
            pay_period="month",
        ),
    ),
    formal_skills=(
        "Completed apprenticeship as an office administrator",
        "2 years in a call centre for a telecom provider",
        "ICDL computer certificate (Word, Excel, Outlook)",
        "Data entry, touch typing at about 250 keystrokes per minute",
        "Receptionist at a hotel front desk",
        "Basic bookkeeping course",
        "First-level IT support: password resets, printer setup",
        "Bachelor's degree in computer science from Iran, recognition pending",
        "Excel: pivot tables and VLOOKUP",
        "Customer service in German and English",
        "Scanning and archiving documents",
        "Invoice processing in SAP",
        "Set up laptops and installed Windows for a school",
    ),
    tutor_jobs=("Office manager", "Customer service team leader", "IT service desk lead"),
)


# --------------------------------------------------------------------------------------------
# 85 Childcare and education
# --------------------------------------------------------------------------------------------

CHILDCARE = SectorTemplate(
    nace_division="85",
    name="Childcare and education",
    company_names=(
        "Kindergarten Sonnenkäfer",
        "Kinderwelt Betriebs GmbH",
        "Hort Regenbogen",
        "Verein Lernhilfe Favoriten",
        "Kindergruppe Kleine Strolche",
    ),
    offers=(
        OfferTemplate(
            title="Kindergarten assistant",
            kinds=("vacancy",),
            description=(
                "Our kindergarten looks after 100 children aged one to six in five groups. As an "
                "assistant you support the kindergarten teachers in daily care and activities: "
                "you help with meals, hygiene and dressing, prepare play and craft materials, "
                "accompany outings and keep the group rooms tidy. You are a reliable person the "
                "children can trust. Working hours are 30 hours a week between 7:00 and 17:00. "
                "Permanent contract, supervision and paid training, including the childcare "
                "assistant course if you have not yet completed it."
            ),
            requirements=(
                RequirementTemplate("Enjoy working with young children", True),
                RequirementTemplate(
                    "Extended criminal record certificate for child and youth welfare", True
                ),
                RequirementTemplate(
                    "Training as a childcare assistant, or willing to complete it", False
                ),
                RequirementTemplate("Experience with children, at work or in the family", False),
                RequirementTemplate("First aid course for children", False),
            ),
            languages=(("de", "B2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=30.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1900.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="After-school leisure supervisor",
            kinds=("vacancy",),
            description=(
                "At our all-day primary schools we are looking for leisure supervisors for the "
                "afternoons. You supervise children at lunch, help during homework time, "
                "organise games, sports and creative activities and keep in touch with teachers "
                "and parents. Working hours are Monday to Friday from 11:30 to 16:00, and "
                "school holidays are mostly free. At the start you complete a paid basic course "
                "in leisure education. Permanent part-time contract."
            ),
            requirements=(
                RequirementTemplate("Enjoy working with children aged 6 to 10", True),
                RequirementTemplate(
                    "Extended criminal record certificate for child and youth welfare", True
                ),
                RequirementTemplate(
                    "Experience in youth work, sports clubs or holiday camps", False
                ),
                RequirementTemplate("Creative, musical or sports skills", False),
            ),
            languages=(("de", "B2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=20.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1150.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Volunteer homework helper",
            kinds=("volunteering",),
            description=(
                "Our learning café supports pupils aged 10 to 15 who do not get help with "
                "school at home. As a volunteer you help with homework, practise reading and "
                "maths and prepare for tests, in small groups or one-to-one. We are open Monday "
                "to Thursday afternoons, and we ask you to commit to at least three afternoons a "
                "week for one school year. You get an introduction, teaching materials and "
                "regular exchange with other volunteers and our social worker."
            ),
            requirements=(
                RequirementTemplate("Patience and enjoyment in explaining things", True),
                RequirementTemplate("Reliable for one school year", True),
                RequirementTemplate(
                    "Extended criminal record certificate for child and youth welfare", True
                ),
                RequirementTemplate("Good maths or English", False),
                RequirementTemplate("Experience in tutoring", False),
            ),
            languages=(("de", "B2"),),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=10.0,
            schedules=("day",),
            contract_type="none",
            pay_amount=None,
            pay_period=None,
        ),
        OfferTemplate(
            title="Trainee childcare assistant",
            kinds=("traineeship",),
            description=(
                "In cooperation with a training institute, we offer a twelve-month traineeship "
                "for future childcare assistants. You alternate between course days and "
                "practical work in our kindergarten groups, where an experienced kindergarten "
                "teacher supports you. You learn about child development, play, nutrition, "
                "hygiene, first aid and working with parents. You receive a monthly training "
                "allowance, and after passing the final exam we offer you a permanent job. "
                "Experience from raising your own children, caring for siblings or volunteering "
                "is valued."
            ),
            requirements=(
                RequirementTemplate("Completed compulsory schooling", True),
                RequirementTemplate("Enjoy working with children", True),
                RequirementTemplate(
                    "Extended criminal record certificate for child and youth welfare", True
                ),
                RequirementTemplate(
                    "Experience with children in the family or as a volunteer", False
                ),
            ),
            languages=(("de", "B1"),),
            min_isced=2,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=38.0,
            schedules=("day",),
            contract_type="fixed_term",
            pay_amount=1400.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Kitchen and cleaning assistant (kindergarten)",
            kinds=("vacancy", "work_trial"),
            description=(
                "For our kindergarten we are looking for a kitchen and cleaning assistant. You "
                "heat and serve the lunches delivered by our catering partner, prepare healthy "
                "snacks and fruit, wash up, and clean the kitchen, group rooms and washrooms in "
                "the afternoon. Working hours are Monday to Friday from 10:00 to 15:00. You are "
                "part of the kindergarten team and take part in team events. A short work trial "
                "is possible. Permanent part-time contract."
            ),
            requirements=(
                RequirementTemplate("Hygienic and tidy way of working", True),
                RequirementTemplate("Reliable and punctual", True),
                RequirementTemplate("Friendly with children", True),
                RequirementTemplate("Food hygiene training", False),
                RequirementTemplate("Experience in cleaning or in a kitchen", False),
            ),
            languages=(("de", "A2"),),
            min_isced=None,
            physical_demands=("long_standing",),
            driving_licence=None,
            hours_per_week=25.0,
            schedules=("day",),
            contract_type="permanent",
            pay_amount=1350.0,
            pay_period="month",
        ),
        OfferTemplate(
            title="Parent liaison assistant (multilingual)",
            kinds=("vacancy",),
            description=(
                "Our kindergarten network works with many families who speak languages other "
                "than German at home. We are looking for a parent liaison assistant who helps "
                "staff communicate with parents at enrolment talks, parent evenings and "
                "development meetings, and translates short notices. You also organise parent "
                "cafés and help families find services such as language courses and "
                "counselling. For this role we need very good Arabic in addition to German; "
                "Turkish or Dari is an advantage. 20 hours a week, mostly mornings, with some "
                "evening parent meetings. Fixed-term project contract for two years."
            ),
            requirements=(
                RequirementTemplate("Sensitive and discreet in conversations with families", True),
                RequirementTemplate(
                    "Extended criminal record certificate for child and youth welfare", True
                ),
                RequirementTemplate("Good organisational skills", True),
                RequirementTemplate(
                    "Experience translating or interpreting, also informally", False
                ),
                RequirementTemplate("Knowledge of social services", False),
            ),
            languages=(("de", "B2"), ("ar", "B2")),
            min_isced=None,
            physical_demands=(),
            driving_licence=None,
            hours_per_week=20.0,
            schedules=("day", "evening"),
            contract_type="fixed_term",
            pay_amount=1300.0,
            pay_period="month",
        ),
    ),
    formal_skills=(
        "Kindergarten assistant for 3 years",
        "Childcare assistant course (Kinderbetreuungsassistenz)",
        "Certified childminder (Tagesmutter/Tagesvater)",
        "Primary school teacher in Syria for 7 years",
        "After-school care (Hort) supervisor",
        "First aid course for emergencies with children",
        "Homework help in German and maths for grades 1 to 8",
        "Nanny for two families",
        "Kindergarten teacher diploma (BAfEP)",
        "Youth worker in a youth centre",
        "Organised holiday camps for children",
        "Supported parent evenings as a Turkish-German interpreter",
        "Maths tutor at a learning centre",
    ),
    tutor_jobs=("Kindergarten director", "Kindergarten teacher", "After-school care coordinator"),
)


SECTORS: tuple[SectorTemplate, ...] = (
    HOSPITALITY,
    RETAIL,
    ELDERLY_CARE,
    HEALTH,
    CLEANING,
    GARDENING,
    LOGISTICS,
    TRANSPORT,
    CONSTRUCTION,
    FOOD_MANUFACTURING,
    OFFICE,
    CHILDCARE,
)


# --------------------------------------------------------------------------------------------
# Client-side texts
# --------------------------------------------------------------------------------------------

# Informal experience, written by clients or their caseworkers; a few keep the small typos and
# grammar slips real people make.
INFORMAL_SKILLS: tuple[str, ...] = (
    "Looked after my grandmother for three years, including her medication",
    "Ran the parish food bank on Saturdays",
    "Cooked for 40 people at community festivals",
    "Interpreted for neighbours at the job centre and the doctor",
    "Managed the household budget for a family of six",
    "Coached the under-12 football team",
    "Repaired bicycles for friends and neighbours",
    "Sewed and altered clothes for the family",
    "Cared for my husband after his stroke: washing, dressing, physio exercises at home",
    "Raised three children and organised school, doctors and activities for all of them",
    "Helped in my uncle's small grocery shop during the summers, also at the till",
    "Volunteered at a refugee reception centre, sorting donations and handing out food",
    "Translates letters from the authorities for people in our building (Arabic, Kurdish)",
    "Renovated our flat myself: painting, laminate flooring, tiling the bathroom",
    "Bakes cakes and pastries to order for weddings and birthdays in the community",
    "Took care of the garden and the fruit trees at my parents' house",
    "Grew vegetables on the family farm in Afghanistan since childhood",
    "Organised the summer festival of our cultural association, about 300 visitors",
    "Treasurer of our mosque association for two years, kept the books and did the annual report",
    "Leads the church choir, rehearsals every week",
    "Drove my father to dialysis three times a week for two years",
    "Fixes computers and phones for the whole family, installed Windows many times",
    "Built and looks after the website of our cultural association",
    "Babysat the neighbours' children regularly, sometimes four kids at once",
    "Helps the kids in our building with their homework, especially maths",
    "Cleaned the stairwell of our building for the property management in exchange for lower rent",
    "Worked informally on building sites in Greece for eight months, mostly drywall",
    "Cut hair for friends and family at home for years",
    "Sold vegetables at my family's market stall every saturday",
    "Looks after my younger brother who has autism",
    "Member of the volunteer fire brigade in my village for 6 years, with first aid training",
    "Organises the training times and the kit for our hobby football team",
    "Knits and crochets, sold hats and scarves at the Christmas market",
    "Drove a tractor and a delivery van on the family farm (no Austrian licence yet)",
    "Helped friends move house many times, knows how to carry furniture safely",
    "Taught children to read and write Arabic at the weekend school of our association",
    "Taught Ukrainian children online during the war, maths for grade 5",
    "Cooks every day for a big family with lots of guests, Syrian and Austrian food",
    "Organised the Ramadan iftar dinners at our association for up to 150 guests",
    "Leads a women's walking group in the neighbourhood",
    "Helps older neighbours with shopping and taking out the rubbish",
    "Repaired cars with my father in his garage back home, mostly brakes and oil changes",
    "Assembles flat-pack furniture for friends, also whole kitchens",
    "Makes the videos and social media posts for our dance group",
    "Kept the accounts for my husbands small taxi business",
    "Does all the paperwork for her parents: residence permit, pension, care allowance",
    "Cared for my mother with dementia at home until she moved to a care home",
    "Volunteer at the animal shelter, walking dogs and cleaning the kennels",
    "Cooks in the community kitchen of our temple every Sunday, for about 200 people",
    "Ran a small online shop selling handmade jewellery",
    "Parent representative at my daughter's school for 3 years",
    "Speaks Somali, Arabic and English at home, now learning German",
    "Plays the saz and teaches it to a few children",
    "Night supervisor at a youth camp, resposible for 30 children",
    "Cleaned private homes for several families, about 15 hours a week",
    "Looked after a neighbour's elderly father during the day while she was at work",
    "Made wedding dresses and curtains on my own sewing machine",
    "Sorted and priced donated clothes at a charity second-hand shop",
    "Translated for the Ukrainian families who moved into our building in 2022",
    "Did the electrics in our house in Serbia with my uncle, who is an electrician",
    "Looked after sheep and goats in the village, including during lambing",
    "Welding and metalwork in my brother's workshop",
    "Ran the kitchen in a refugee camp in Lebanon for a year, feeding 200 people",
    "Volunteers at a soup kitchen twice a month",
    "Looks after her two grandchildren every afternoon",
    "Has a driving licence B since 2010, drives relatives to appointments all over the city",
    "Organised a football tournament for 12 teams",
    "Packed and shipped parcels from home for a cousin's online shop",
    "Ran the cash box at the parish flea market",
    "Taught himself Excel from YouTube, makes the spreadsheets for the association",
    "Translating for my parents since i was 10 (German-Turkish)",
    "Took care of my father after his operation, including wound care the nurses showed me",
    "Gives her mother insulin injections twice a day and checks her blood sugar",
    "Decorates halls for weddings and parties",
    "Baked flatbread every day for a household of ten",
    "Buddy in a mentoring programme for newly arrived refugees",
    "Helps the caretaker in our building with small repairs and snow shovelling",
    "Plays in a band and organises the gigs, including booking and money",
    "Looks after the shared garden beds in our housing estate",
    "Admin of the kindergarten parents' WhatsApp group, organises collections and events",
    "Worked in the family restaurant in Izmir, kitchen and service, every summer",
    "Reading mentor at a primary school once a week",
    "Interpreted Dari-German for the doctor at the refugee shelter",
    "Repairs washing machines and fridges for people in the neighbourhood",
    "Cares for her son who uses a wheelchair, including lifting and transfers",
    "Managed the renovation of the family house: ordered materials, organised workers, kept costs",
    "Does the ironing and laundry for an elderly neighbour every week",
    "Sells second-hand clothes online, photographs and describes the items",
    "Cooked meals for homeless people with a youth group every christmas",
    "Helped organising the blood donation day at the community centre",
    "Taught swimming to children at a summer camp",
    "Took over the family finances and all the paperwork after my father died",
    "Kept bees with my grandfather for many years",
    "Learnt German mostly by himself in 18 months, now at B1",
    "Helped out in a friend's kiosk, opening and closing and counting the till",
    "Runs a chess club for kids on Fridays",
    "Good with tools, built shelves and a loft bed for the kids",
    "Brought up her younger siblings after their mother died",
    "Visits older people for the parish visiting service every week",
    "Cooked for weddings in our community, up to 300 guest",
    "Organised the tenants' meeting and wrote the letters to the housing company",
)

ASPIRATIONS: tuple[str, ...] = (
    "I'd like to work in elderly care",
    "Something with cooking, maybe in a canteen",
    "Would like to finish the apprenticeship I started in Turkey",
    "Wants a job with regular daytime hours because of the kids",
    "I want to drive, bus or truck",
    "Work with children, maybe in a kindergarten",
    "I want to get my nursing diploma recognised and work as a nurse again",
    "Office work, I am good with computers",
    "Something outdoors, gardening or parks",
    "Would like to work in a shop, maybe a bakery",
    "IT, a helpdesk or repairing computers",
    "Wants to start the training as a care assistant",
    "Part-time, 20 to 25 hours, in the mornings",
    "I'd like to open my own small catering business one day",
    "Back to construction, but nothing too heavy anymore because of my back",
    "Something where I can use my languages, maybe interpreting",
    "Warehouse work, and get the forklift licence",
    "Would like to work in a hotel, at reception or in breakfast service",
    "Hairdresser, I did it at home for years",
    "Working with people with disabilities",
    "A permanent job, I am tired of temporary contracts",
    "Social work in the long term, but first a job",
    "Cleaning is ok, but I want more hours and a proper contract",
    "Get the driving licence first and then work as a delivery driver",
    "Something in a laboratory, I studied chemistry in Syria",
    "Would like to work in a pharmacy",
    "Tailoring or clothing alterations",
    "Bike courier, or anything with bikes",
    "Wants to try out a few things first, maybe with a work trial",
    "Kitchen work, but no evening shifts",
    "A job where I can improve my German",
    "An apprenticeship, even though I'm older than the others",
)


# --------------------------------------------------------------------------------------------
# Liaison-officer and caseworker notes
# --------------------------------------------------------------------------------------------

ENGAGEMENT_SUMMARIES: tuple[str, ...] = (
    "Met the HR manager; two kitchen assistant places open from March, open to a work trial.",
    "Phone call with the branch manager: high turnover at the checkout, interested in "
    "candidates for 25-30 hours.",
    "Visited the warehouse; shift system explained. They pay for forklift licences after "
    "probation.",
    "Job fair: spoke to the care home director, urgent need for care assistants, would also "
    "take trainees.",
    "Follow-up call: the bakery hired one of our candidates and is happy so far. Asked for "
    "another one for the night shift.",
    "Site visit at the building company. Foreperson open to work trials but worried about "
    "German for safety instructions.",
    "Email from HR: receptionist vacancy filled internally. Keep them on the list for autumn.",
    "Meeting with the owner of the cleaning company; interested in a group information "
    "session for 10-15 clients.",
    "Breakfast meeting of the local business association; three new contacts (garden centre, "
    "tyre service, hotel).",
    "Called the kindergarten director: assistants needed from September, criminal record "
    "certificate required.",
    "Visited the canteen kitchen with two clients; both did a trial day, very positive "
    "feedback on one.",
    "Employer unhappy that a candidate did not turn up for the interview; apologised and "
    "explained how we follow up.",
    "Discussed wage subsidy options (Eingliederungsbeihilfe) with the managing director; "
    "interested for long-term unemployed candidates.",
    "HR says their online application form is a barrier for our clients; they agreed to "
    "accept paper CVs from us directly.",
    "Bus company looking for 5 drivers, will fund licence D. Information event planned.",
    "Visited patient services at the hospital: porter positions open every few months, "
    "care experience (also informal) welcome.",
    "Short call, contact person on leave until the 15th.",
    "Logistics centre opens a second shift in October, 20 new positions; wants pre-screened "
    "profiles.",
    "Met the owner of a tiling firm at the trade fair. Small team, could take one trial "
    "person in spring.",
    "Regional manager of the retail chain: apprenticeship places still open in three "
    "branches, adults welcome too.",
    "Signed cooperation agreement returned; quarterly check-in agreed.",
    "Employer asked about recognition of foreign plumbing qualifications; sent info on the "
    "recognition advice service.",
    "Feedback after work trial: candidate reliable and friendly, needs more German for phone "
    "calls. Offer likely.",
    "IT service desk: traineeship programme starts in January, 4 places, short technical "
    "test online.",
    "Plant nursery needs seasonal help from February; happy to take people with farming "
    "experience without certificates.",
    "Call with HR at the food plant: night shift hard to fill, but day shifts possible for "
    "candidates with childcare duties.",
    "Asked the employer to drop 'native German speaker' from the ad; agreed to change it to "
    "German at B1.",
)

NEXT_STEPS: tuple[str, ...] = (
    "Send three profiles for the kitchen trial",
    "Arrange a visit with two candidates next week",
    "Call back after the 15th",
    "Prepare a group information session at the employment office",
    "Send information on the wage subsidy by email",
    "Check which clients have a forklift licence",
    "Organise trial days at the care home in March",
    "Ask caseworkers for candidates with driving licence B",
    "Follow up on the interview feedback on Friday",
    "Send contact details of the recognition advice centre",
    "Invite the HR manager to the next employer breakfast",
    "Update the offer in the system and re-run the requirement screening",
    "Clarify whether the German requirement can be lowered to A2",
    "Schedule the quarterly check-in call",
    "Collect feedback from the client after the first week",
    "Book a room for the bus driver information event",
    "Send paper CVs directly to the owner",
)

BARRIER_NOTES: tuple[str, ...] = (
    "Back problems; should avoid lifting above 10 kg",
    "Debt counselling appointment every second Tuesday",
    "Single parent, kindergarten closes at 15:30; can only work mornings",
    "Currently in emergency housing, address may change at short notice",
    "Residence permit renewal pending; access to the labour market confirmed",
    "Knee surgery last year, cannot stand for more than two hours at a time",
    "Anxious in large groups; prefers a small team",
    "Recovering from depression, weekly therapy on Thursday afternoons",
    "Wage garnishment in place; employer will be notified by the court",
    "No childcare arranged for the summer holidays yet",
    "Cares for her mother with dementia in the afternoons, needs flexible hours",
    "Type 1 diabetes, needs regular breaks for meals",
    "Hearing impaired on the left side; long phone calls are difficult",
    "Driving licence suspended until June",
    "Reads and writes German slowly, spoken German is fine",
    "Evicted in March, staying with her sister for now",
    "No car and lives far from the train line; commuting to early shifts is a problem",
    "Allergic to latex and chlorine-based cleaning products (medical certificate)",
    "Completed addiction treatment in 2023, attends an aftercare group weekly",
    "Foreign qualification not yet recognised; nostrification appointment in May",
    "Medical assessment: fit for work up to 25 hours a week",
    "Pregnant, due in autumn; wants to discuss options for a short-term job",
)

CONTACT_NOTES: tuple[str, ...] = (
    "Phoned to prepare the interview at the bakery",
    "Client did not show up; sent a new appointment by letter",
    "Went through the CV together and added the informal care experience",
    "Client called: the work trial went well, second day tomorrow",
    "Discussed the kindergarten assistant offer; interested but worried about the hours",
    "Explained the apprenticeship options for adults",
    "Email: sent the list of German courses starting in March",
    "Client brought her certificate from Syria; forwarded it for translation",
    "Appointment with a Dari interpreter; agreed on next steps",
    "Client turned down the warehouse offer because of the night shifts",
    "Checked the care course registration, starts on 4 September",
    "Short call: client is ill this week, will call back on Monday",
    "Prepared the work trial agreement with the employer",
    "Client started the job on Monday. Follow-up in two weeks",
    "Went through the barrier list; client agreed to share the lifting restriction with employers",
    "Talked about childcare: registered for a kindergarten place",
    "Practised the job interview with the client by video call",
    "Client asked for help with the recognition application",
    "Employer did not extend the contract after probation; discussed the reasons with the client",
    "Sent three matching offers by text message, client will look at them tonight",
)


# --------------------------------------------------------------------------------------------
# Names and streets (names are combined independently of skills and sectors)
# --------------------------------------------------------------------------------------------

GIVEN_NAMES: tuple[str, ...] = (
    # Austrian / German
    "Anna", "Lukas", "Katharina", "Florian", "Sabine", "Thomas", "Julia", "Stefan",
    "Elisabeth", "Markus", "Theresa", "Michael", "Christina", "Andreas", "Birgit", "Manfred",
    "Hannah", "Maximilian", "Lena", "Johann",
    # Turkish / Kurdish
    "Ayşe", "Mehmet", "Elif", "Emre", "Fatma", "Mustafa", "Zeynep", "Burak", "Merve", "Hakan",
    "Rojda", "Serhat",
    # Bosnian / Croatian / Serbian
    "Milica", "Nikola", "Jelena", "Dragan", "Amra", "Emir", "Ivana", "Marko", "Selma", "Adnan",
    "Dejan", "Mirela",
    # Syrian / Iraqi Arabic
    "Ahmad", "Rana", "Omar", "Layla", "Khaled", "Nour", "Yousef", "Amal", "Hussein", "Zainab",
    "Mohammad", "Fatima",
    # Afghan / Iranian
    "Farid", "Shabnam", "Rahmat", "Habiba", "Mursal", "Sayed", "Parisa", "Reza",
    # Chechen
    "Aslan", "Madina", "Ruslan", "Kheda",
    # Somali
    "Abdi", "Hodan", "Mahad", "Ifrah", "Abdirahman", "Sahra",
    # Romanian
    "Andrei", "Ioana", "Mihai", "Elena", "Florin", "Gabriela",
    # Polish
    "Agnieszka", "Piotr", "Katarzyna", "Tomasz", "Magdalena", "Paweł",
    # Hungarian
    "Zsófia", "Gábor", "Eszter", "László", "Réka", "Bence",
    # Ukrainian
    "Olena", "Oleksandr", "Iryna", "Dmytro", "Yuliia", "Bohdan",
    # Nigerian
    "Chinonso", "Ngozi", "Oluwaseun", "Adaeze", "Emeka", "Funmilayo",
    # Others found in Vienna
    "Maricel", "Jerome", "Lucia", "Mina", "Wei", "Priya",
)  # fmt: skip

FAMILY_NAMES: tuple[str, ...] = (
    # Austrian / German / old Viennese
    "Gruber", "Huber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Mayer",
    "Hofer", "Leitner", "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber",
    "Schwarz", "Brunner", "Wimmer", "Lehner", "Haas", "Novak", "Dvořák",
    # Turkish / Kurdish
    "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç",
    "Tekin",
    # Bosnian / Croatian / Serbian
    "Jovanović", "Petrović", "Nikolić", "Marković", "Hodžić", "Begić", "Kovačević", "Babić",
    "Ilić", "Mehmedović", "Horvat", "Stojanović",
    # Syrian / Iraqi Arabic
    "Al-Hassan", "Haddad", "Khalil", "Mansour", "Al-Jubouri", "Hamdan", "Saleh", "Nasser",
    "Abboud",
    # Afghan / Iranian
    "Ahmadi", "Hosseini", "Rahimi", "Karimi", "Sultani", "Noori", "Haidari", "Rezaei",
    # Chechen
    "Magomadov", "Israilov",
    # Somali
    "Warsame", "Farah", "Jama", "Osman", "Abdullahi",
    # Romanian
    "Popescu", "Ionescu", "Dumitru", "Stan", "Munteanu", "Constantin",
    # Polish
    "Nowak", "Wójcik", "Kowalczyk", "Mazur", "Zając",
    # Hungarian
    "Nagy", "Kovács", "Tóth", "Szabó", "Horváth", "Varga",
    # Ukrainian
    "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Melnyk",
    # Nigerian
    "Okafor", "Adeyemi", "Eze", "Okonkwo", "Balogun", "Nwosu",
    # Others found in Vienna
    "Santos", "Reyes", "Wang", "Singh", "Girgis",
)  # fmt: skip

STREETS: tuple[str, ...] = (
    # Vienna
    "Mariahilfer Straße", "Favoritenstraße", "Ottakringer Straße", "Thaliastraße",
    "Landstraßer Hauptstraße", "Simmeringer Hauptstraße", "Meidlinger Hauptstraße",
    "Wagramer Straße", "Brünner Straße", "Praterstraße", "Taborstraße", "Währinger Straße",
    "Alser Straße", "Josefstädter Straße", "Neubaugasse", "Reinprechtsdorfer Straße",
    "Wiedner Hauptstraße", "Triester Straße", "Laxenburger Straße", "Quellenstraße",
    "Gudrunstraße", "Leopoldsgasse", "Brigittenauer Lände", "Jägerstraße",
    "Floridsdorfer Hauptstraße", "Donaufelder Straße", "Erzherzog-Karl-Straße",
    "Hernalser Hauptstraße", "Gersthofer Straße", "Grinzinger Straße", "Hütteldorfer Straße",
    "Linzer Straße", "Märzstraße", "Schönbrunner Straße", "Lerchenfelder Straße", "Rennweg",
    "Erdberger Lände", "Breitenfurter Straße", "Altmannsdorfer Straße", "Siebenbrunnengasse",
    "Leopoldauer Straße", "Kaisermühlenstraße",
    # Lower Austria around Vienna
    "Wiener Straße", "Hauptplatz", "Eisentorgasse", "Pfarrgasse", "Neusiedler Straße",
    "Rathausplatz", "Wiener Neustädter Straße", "Bahnhofstraße", "Schillerstraße",
    "Hauptstraße",
)  # fmt: skip
