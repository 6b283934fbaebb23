/* template-strings.h — written by build-aux/template-strings; do not edit.
 *
 * The texts of the templates in data/templates/, for xgettext only: this
 * file is never compiled. src/io/parcours-templates.c translates them
 * when a template is loaded. */

static const char *template_strings[] = {
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: title */
  NC_("journey map template", "Classroom example: lunch in the school cafeteria"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: description */
  NC_("journey map template", "A small map to learn the method in class: choosing food, paying and eating, with what pupils feel and their ideas to make it better."),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: goals[0] */
  NC_("journey map template", "Learn how a journey map works"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: goals[1] */
  NC_("journey map template", "Suggest three improvements to the cafeteria"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].name */
  NC_("journey map template", "Lina"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].role */
  NC_("journey map template", "Pupil, 12"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].goals[0] */
  NC_("journey map template", "Eat something she likes"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].goals[1] */
  NC_("journey map template", "Have time to play before class"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].needs[0] */
  NC_("journey map template", "A short queue"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].needs[1] */
  NC_("journey map template", "Knowing what is on the menu"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].frustrations[0] */
  NC_("journey map template", "Waiting"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: personas[0].frustrations[1] */
  NC_("journey map template", "Running out of her favourite dish"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: stages[0].name */
  NC_("journey map template", "Choose food"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: stages[1].name */
  NC_("journey map template", "Pay"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: stages[2].name */
  NC_("journey map template", "Eat"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: lanes[0].name */
  NC_("journey map template", "What I do"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: lanes[1].name */
  NC_("journey map template", "What I see and use"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: lanes[2].name */
  NC_("journey map template", "What I think"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: lanes[3].name */
  NC_("journey map template", "How I feel"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: lanes[4].name */
  NC_("journey map template", "What goes wrong"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: lanes[5].name */
  NC_("journey map template", "Ideas to make it better"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[0].text */
  NC_("journey map template", "I queue with my tray"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[0].details */
  NC_("journey map template", "Start each card with “I”: you are telling the story of the pupil."),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[1].text */
  NC_("journey map template", "I pick a main dish and a dessert"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[2].text */
  NC_("journey map template", "I tap my canteen card"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[3].text */
  NC_("journey map template", "I look for a seat with my friends"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[4].text */
  NC_("journey map template", "I put my tray away"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[5].text */
  NC_("journey map template", "Menu board at the entrance"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[6].text */
  NC_("journey map template", "Counter with the dishes"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[7].text */
  NC_("journey map template", "Card reader at the till"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[8].text */
  NC_("journey map template", "Tables in the dining hall"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[9].text */
  NC_("journey map template", "“I hope there are still chips”"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[10].text */
  NC_("journey map template", "“Is there enough money on my card?”"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[11].text */
  NC_("journey map template", "“It’s so noisy in here”"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[12].text */
  NC_("journey map template", "The queue takes ten minutes"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[13].text */
  NC_("journey map template", "The card reader is slow"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[14].text */
  NC_("journey map template", "Not enough tables for everyone"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[15].text */
  NC_("journey map template", "Show the menu on the school website in the morning"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[16].text */
  NC_("journey map template", "A second card reader"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: cards[17].text */
  NC_("journey map template", "Lunch in two shifts by class"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: emotion-points[0].label */
  NC_("journey map template", "Bored in the queue"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: emotion-points[1].label */
  NC_("journey map template", "My favourite dish!"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: emotion-points[2].label */
  NC_("journey map template", "Worried about my card"),
  /* Translators: sample text of a journey map template, classroom-lunch.parcours: emotion-points[3].label */
  NC_("journey map template", "Happy with my friends"),
  /* Translators: sample text of a journey map template, current-state.parcours: title */
  NC_("journey map template", "Current state: switching mobile plans"),
  /* Translators: sample text of a journey map template, current-state.parcours: description */
  NC_("journey map template", "How a customer changes mobile operator today, from the first doubt to the first bill. Replace the sample cards with what your research shows."),
  /* Translators: sample text of a journey map template, current-state.parcours: goals[0] */
  NC_("journey map template", "See where customers give up or call for help"),
  /* Translators: sample text of a journey map template, current-state.parcours: goals[1] */
  NC_("journey map template", "Agree on the three pain points to fix first"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].name */
  NC_("journey map template", "Nadia"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].role */
  NC_("journey map template", "Project manager, 38, two children"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].goals[0] */
  NC_("journey map template", "Pay less for her family’s phones"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].goals[1] */
  NC_("journey map template", "Keep her number and her evenings free"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].needs[0] */
  NC_("journey map template", "A clear total price"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].needs[1] */
  NC_("journey map template", "Good coverage at home and at work"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].frustrations[0] */
  NC_("journey map template", "Fine print"),
  /* Translators: sample text of a journey map template, current-state.parcours: personas[0].frustrations[1] */
  NC_("journey map template", "Waiting on hold"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[0].name */
  NC_("journey map template", "Awareness"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[0].description */
  NC_("journey map template", "She realises her plan costs too much"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[1].name */
  NC_("journey map template", "Engagement"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[1].description */
  NC_("journey map template", "She starts looking at other offers"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[2].name */
  NC_("journey map template", "Evaluation"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[2].description */
  NC_("journey map template", "She weighs two or three plans"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[3].name */
  NC_("journey map template", "Purchase"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[3].description */
  NC_("journey map template", "She orders the new plan"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[4].name */
  NC_("journey map template", "Post-purchase"),
  /* Translators: sample text of a journey map template, current-state.parcours: stages[4].description */
  NC_("journey map template", "She switches over and lives with the choice"),
  /* Translators: sample text of a journey map template, current-state.parcours: lanes[0].name */
  NC_("journey map template", "Touchpoints"),
  /* Translators: sample text of a journey map template, current-state.parcours: lanes[1].name */
  NC_("journey map template", "Actions"),
  /* Translators: sample text of a journey map template, current-state.parcours: lanes[2].name */
  NC_("journey map template", "Thoughts"),
  /* Translators: sample text of a journey map template, current-state.parcours: lanes[3].name */
  NC_("journey map template", "Feelings"),
  /* Translators: sample text of a journey map template, current-state.parcours: lanes[4].name */
  NC_("journey map template", "Pain points"),
  /* Translators: sample text of a journey map template, current-state.parcours: lanes[5].name */
  NC_("journey map template", "Opportunities"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[0].text */
  NC_("journey map template", "Billboard: unlimited data"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[0].details */
  NC_("journey map template", "A touchpoint is any moment the customer meets the service. Give each one its channel."),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[1].text */
  NC_("journey map template", "A friend mentions her cheaper plan"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[2].text */
  NC_("journey map template", "Operator’s plans page"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[3].text */
  NC_("journey map template", "Price comparison site"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[4].text */
  NC_("journey map template", "Live chat about coverage"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[5].text */
  NC_("journey map template", "Online checkout"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[5].kpi */
  /* xgettext:no-c-format */
  NC_("journey map template", "Conversion 3%"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[6].text */
  NC_("journey map template", "Text with the delivery date"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[7].text */
  NC_("journey map template", "Support hotline"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[7].kpi */
  NC_("journey map template", "Wait 14 min"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[8].text */
  NC_("journey map template", "Notices her bill went up again"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[8].details */
  NC_("journey map template", "Write one action per card, starting with a verb."),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[9].text */
  NC_("journey map template", "Browses plans on her phone at lunch"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[10].text */
  NC_("journey map template", "Compares price, data and contract length"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[11].text */
  NC_("journey map template", "Orders a SIM card and asks to keep her number"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[12].text */
  NC_("journey map template", "Inserts the SIM card and waits for the transfer"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[13].text */
  NC_("journey map template", "“Am I paying too much?”"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[13].details */
  NC_("journey map template", "Quote what people actually said in interviews."),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[14].text */
  NC_("journey map template", "“Which of these plans is for me?”"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[15].text */
  NC_("journey map template", "“What’s the catch?”"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[16].text */
  NC_("journey map template", "“Will I lose my number?”"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[17].text */
  NC_("journey map template", "“Why is there still no signal?”"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[18].text */
  NC_("journey map template", "Coverage maps are hard to read"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[19].text */
  NC_("journey map template", "The transfer code must be requested from the old operator"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[20].text */
  NC_("journey map template", "Two days without service during the transfer"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[20].details */
  NC_("journey map template", "A key moment: this is where customers decide whether they trust the new operator."),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[21].text */
  NC_("journey map template", "A plan finder with three questions"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[22].text */
  NC_("journey map template", "Show the total yearly cost up front"),
  /* Translators: sample text of a journey map template, current-state.parcours: cards[23].text */
  NC_("journey map template", "Transfer the number overnight and text when it is done"),
  /* Translators: sample text of a journey map template, current-state.parcours: emotion-points[0].label */
  NC_("journey map template", "Annoyed by the bill"),
  /* Translators: sample text of a journey map template, current-state.parcours: emotion-points[1].label */
  NC_("journey map template", "Curious"),
  /* Translators: sample text of a journey map template, current-state.parcours: emotion-points[2].label */
  NC_("journey map template", "Lost in the fine print"),
  /* Translators: sample text of a journey map template, current-state.parcours: emotion-points[3].label */
  NC_("journey map template", "Relieved it was quick"),
  /* Translators: sample text of a journey map template, current-state.parcours: emotion-points[4].label */
  NC_("journey map template", "No signal for two days"),
  /* Translators: sample text of a journey map template, current-state.parcours: emotion-points[5].label */
  NC_("journey map template", "Saves €12 a month"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: title */
  NC_("journey map template", "Day in the life: a community nurse"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: description */
  NC_("journey map template", "A whole day of one person, not one purchase: what fills their morning, afternoon, evening and night, and where a service could fit in."),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: goals[0] */
  NC_("journey map template", "Understand the day our users really have"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: goals[1] */
  NC_("journey map template", "Find the moments where they have time and attention to spare"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].name */
  NC_("journey map template", "Tom"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].role */
  NC_("journey map template", "Community nurse, 29"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].goals[0] */
  NC_("journey map template", "See every patient on his round"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].goals[1] */
  NC_("journey map template", "Finish his notes before he goes home"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].needs[0] */
  NC_("journey map template", "Reliable patient information on the road"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].needs[1] */
  NC_("journey map template", "A few minutes to himself"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].frustrations[0] */
  NC_("journey map template", "Paperwork twice over"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: personas[0].frustrations[1] */
  NC_("journey map template", "Parking"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[0].name */
  NC_("journey map template", "Morning"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[0].description */
  NC_("journey map template", "7:00 to 12:00"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[1].name */
  NC_("journey map template", "Afternoon"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[1].description */
  NC_("journey map template", "12:00 to 17:00"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[2].name */
  NC_("journey map template", "Evening"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[2].description */
  NC_("journey map template", "17:00 to 22:00"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[3].name */
  NC_("journey map template", "Night"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: stages[3].description */
  NC_("journey map template", "On call"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: lanes[0].name */
  NC_("journey map template", "Activities"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: lanes[1].name */
  NC_("journey map template", "Tools and channels"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[0].text */
  NC_("journey map template", "Checks today’s visits over breakfast"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[0].details */
  NC_("journey map template", "Describe what the person does, in order, even when it has nothing to do with your service."),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[1].text */
  NC_("journey map template", "First three home visits"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[2].text */
  NC_("journey map template", "Drives between patients’ homes"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[3].text */
  NC_("journey map template", "Calls the surgery about a prescription"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[4].text */
  NC_("journey map template", "Writes up the day’s visit notes"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[5].text */
  NC_("journey map template", "Answers an urgent call from a family"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[6].text */
  NC_("journey map template", "Rota app"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[7].text */
  NC_("journey map template", "Phone calls with the surgery"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[8].text */
  NC_("journey map template", "Patient records on the laptop"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[9].text */
  NC_("journey map template", "On-call text messages"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[10].text */
  NC_("journey map template", "“Will I fit in all eight visits?”"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[11].text */
  NC_("journey map template", "“Parking again…”"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[12].text */
  NC_("journey map template", "“I should have written this down earlier”"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[13].text */
  NC_("journey map template", "“I hope the phone stays quiet”"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[14].text */
  NC_("journey map template", "Finding a parking space near each patient"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[15].text */
  NC_("journey map template", "Typing the same details twice"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[16].text */
  NC_("journey map template", "Plan the route in the rota app"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: cards[17].text */
  NC_("journey map template", "Dictate notes between visits"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: emotion-points[0].label */
  NC_("journey map template", "Fresh and organised"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: emotion-points[1].label */
  NC_("journey map template", "Running late"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: emotion-points[2].label */
  NC_("journey map template", "Tired, notes still to do"),
  /* Translators: sample text of a journey map template, day-in-the-life.parcours: emotion-points[3].label */
  NC_("journey map template", "Calm but alert"),
  /* Translators: sample text of a journey map template, future-state.parcours: title */
  NC_("journey map template", "Future state: switching mobile plans"),
  /* Translators: sample text of a journey map template, future-state.parcours: description */
  NC_("journey map template", "The same journey redesigned: the opportunities of the current state have become planned touchpoints, each with the figure that will show it works."),
  /* Translators: sample text of a journey map template, future-state.parcours: goals[0] */
  NC_("journey map template", "Describe the experience we want to build"),
  /* Translators: sample text of a journey map template, future-state.parcours: goals[1] */
  NC_("journey map template", "Give every change a measure of success"),
  /* Translators: sample text of a journey map template, future-state.parcours: lanes[3].name */
  NC_("journey map template", "What we change"),
  /* Translators: sample text of a journey map template, future-state.parcours: lanes[4].name */
  NC_("journey map template", "Risks to watch"),
  /* Translators: sample text of a journey map template, future-state.parcours: lanes[5].name */
  NC_("journey map template", "Behind the scenes"),
  /* Translators: sample text of a journey map template, future-state.parcours: lanes[6].name */
  NC_("journey map template", "Targets"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[1].text */
  NC_("journey map template", "Plan finder: three questions"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[1].details */
  NC_("journey map template", "Planned touchpoint, from the opportunity “A plan finder with three questions”."),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[2].text */
  NC_("journey map template", "Every plan shows its yearly cost"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[3].text */
  NC_("journey map template", "Checkout in the app"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[4].text */
  NC_("journey map template", "Text: “Your number is ready”"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[6].text */
  NC_("journey map template", "Answers three questions about her usage"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[7].text */
  NC_("journey map template", "Picks one of the two suggested plans"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[8].text */
  NC_("journey map template", "Orders in five minutes and keeps her number"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[9].text */
  NC_("journey map template", "Wakes up to a working phone"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[10].text */
  NC_("journey map template", "Plan finder replaces the table of 24 plans"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[11].text */
  NC_("journey map template", "We request the transfer code for her"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[13].text */
  NC_("journey map template", "The suggested plans must not feel like upselling"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[14].text */
  NC_("journey map template", "A failed night-time transfer is only noticed in the morning"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[15].text */
  NC_("journey map template", "Automatic request to the old operator"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[16].text */
  NC_("journey map template", "Night-time transfer, checked by the network team"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[17].text */
  /* xgettext:no-c-format */
  NC_("journey map template", "40% of visitors use the plan finder"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[17].kpi */
  /* xgettext:no-c-format */
  NC_("journey map template", "40%"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[18].text */
  NC_("journey map template", "Checkout in under five minutes"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[18].kpi */
  NC_("journey map template", "< 5 min"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[19].text */
  NC_("journey map template", "No day without service"),
  /* Translators: sample text of a journey map template, future-state.parcours: cards[19].kpi */
  NC_("journey map template", "0 days"),
  /* Translators: sample text of a journey map template, future-state.parcours: emotion-points[1].label */
  NC_("journey map template", "Understood"),
  /* Translators: sample text of a journey map template, future-state.parcours: emotion-points[2].label */
  NC_("journey map template", "Sure of her choice"),
  /* Translators: sample text of a journey map template, future-state.parcours: emotion-points[3].label */
  NC_("journey map template", "That was easy"),
  /* Translators: sample text of a journey map template, future-state.parcours: emotion-points[4].label */
  NC_("journey map template", "Nothing to do"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: title */
  NC_("journey map template", "Online purchase: new running shoes"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: description */
  NC_("journey map template", "Buying online from the first advert to the review written afterwards: research, comparison, checkout, delivery and sharing the experience."),
  /* Translators: sample text of a journey map template, online-purchase.parcours: goals[0] */
  NC_("journey map template", "Find why visitors leave before paying"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: goals[1] */
  NC_("journey map template", "Get more customers to write a review"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].name */
  NC_("journey map template", "Marco"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].role */
  NC_("journey map template", "Amateur runner, 45"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].goals[0] */
  NC_("journey map template", "Replace his worn-out shoes before the spring race"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].goals[1] */
  NC_("journey map template", "Not spend more than €120"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].needs[0] */
  NC_("journey map template", "The right size the first time"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].needs[1] */
  NC_("journey map template", "Honest reviews"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].frustrations[0] */
  NC_("journey map template", "Returning parcels"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: personas[0].frustrations[1] */
  NC_("journey map template", "Costs that appear at the last step"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: stages[1].name */
  NC_("journey map template", "Research"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: stages[2].name */
  NC_("journey map template", "Comparison"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: stages[4].name */
  NC_("journey map template", "Experience"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: stages[4].description */
  NC_("journey map template", "Delivery and first runs"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: stages[5].name */
  NC_("journey map template", "Sharing a review"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[0].text */
  NC_("journey map template", "Sponsored post from a running brand"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[1].text */
  NC_("journey map template", "Review videos and running forums"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[2].text */
  NC_("journey map template", "Three online shops open in tabs"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[3].text */
  NC_("journey map template", "Checkout and payment"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[3].kpi */
  /* xgettext:no-c-format */
  NC_("journey map template", "Cart abandonment 68%"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[4].text */
  NC_("journey map template", "Order confirmation email"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[5].text */
  NC_("journey map template", "Parcel delivered to a pick-up point"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[6].text */
  NC_("journey map template", "Email asking for a review"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[7].text */
  NC_("journey map template", "Running club group chat"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[8].text */
  NC_("journey map template", "Sees a new model advertised"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[9].text */
  NC_("journey map template", "Reads reviews and watches videos"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[10].text */
  NC_("journey map template", "Compares price, sizes and return policy"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[11].text */
  NC_("journey map template", "Pays by card and chooses a delivery slot"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[12].text */
  NC_("journey map template", "Tries them on and goes for a run"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[13].text */
  NC_("journey map template", "Writes a review and tells his club"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[14].text */
  NC_("journey map template", "“My old pair is worn out”"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[15].text */
  NC_("journey map template", "“Which reviews can I trust?”"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[16].text */
  NC_("journey map template", "“What if the size is wrong?”"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[17].text */
  NC_("journey map template", "“A delivery fee, now?”"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[18].text */
  NC_("journey map template", "“They fit!”"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[19].text */
  NC_("journey map template", "“Others should know they run small”"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[20].text */
  NC_("journey map template", "Size charts differ from one brand to the next"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[21].text */
  NC_("journey map template", "The delivery fee appears only at checkout"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[22].text */
  NC_("journey map template", "Size advice based on his old pair"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[23].text */
  NC_("journey map template", "Show delivery costs on the product page"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: cards[24].text */
  NC_("journey map template", "Ask for a review after the third run, not on delivery day"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: emotion-points[0].label */
  NC_("journey map template", "Tempted"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: emotion-points[1].label */
  NC_("journey map template", "Getting excited"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: emotion-points[2].label */
  NC_("journey map template", "Unsure about the size"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: emotion-points[3].label */
  NC_("journey map template", "Surprised by the fee"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: emotion-points[4].label */
  NC_("journey map template", "Great first run"),
  /* Translators: sample text of a journey map template, online-purchase.parcours: emotion-points[5].label */
  NC_("journey map template", "Glad to help others"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: title */
  NC_("journey map template", "Relationship lifecycle: accounting software for a small shop"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: description */
  NC_("journey map template", "A long-term customer relationship, from first contact to advocacy: how a customer is guided, uses the service, stays and brings others."),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: goals[0] */
  NC_("journey map template", "Keep customers beyond their first year"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: goals[1] */
  NC_("journey map template", "Turn satisfied customers into advocates"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].name */
  NC_("journey map template", "Claire"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].role */
  NC_("journey map template", "Bakery owner, 52"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].goals[0] */
  NC_("journey map template", "Spend her evenings with her family, not on invoices"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].goals[1] */
  NC_("journey map template", "Get paid on time"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].needs[0] */
  NC_("journey map template", "Simple steps"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].needs[1] */
  NC_("journey map template", "Someone to call when she is stuck"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].frustrations[0] */
  NC_("journey map template", "Jargon"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: personas[0].frustrations[1] */
  NC_("journey map template", "Price rises without warning"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[0].name */
  NC_("journey map template", "First contact"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[1].name */
  NC_("journey map template", "Guidance"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[1].description */
  NC_("journey map template", "Onboarding"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[2].name */
  NC_("journey map template", "Interaction"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[2].description */
  NC_("journey map template", "Everyday use"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[3].name */
  NC_("journey map template", "Retention"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[3].description */
  NC_("journey map template", "Renewal"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: stages[4].name */
  NC_("journey map template", "Expansion and advocacy"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: lanes[6].name */
  NC_("journey map template", "Indicators"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[0].text */
  NC_("journey map template", "Her accountant recommends the software"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[1].text */
  NC_("journey map template", "Welcome call with an adviser"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[2].text */
  NC_("journey map template", "Step-by-step welcome emails"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[3].text */
  NC_("journey map template", "Invoices sent from the app"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[4].text */
  NC_("journey map template", "Renewal reminder"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[5].text */
  NC_("journey map template", "Stand at the bakers’ trade fair"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[6].text */
  NC_("journey map template", "Signs up for the free trial"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[7].text */
  NC_("journey map template", "Imports her customer list"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[8].text */
  NC_("journey map template", "Sends her invoices every Monday"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[9].text */
  NC_("journey map template", "Renews the yearly plan"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[10].text */
  NC_("journey map template", "Recommends it to the shop next door"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[11].text */
  NC_("journey map template", "“I have no time for paperwork”"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[12].text */
  NC_("journey map template", "“Where do I start?”"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[13].text */
  NC_("journey map template", "“I get paid faster now”"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[14].text */
  NC_("journey map template", "“Is it still worth the price?”"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[15].text */
  NC_("journey map template", "“My friends could use this too”"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[16].text */
  NC_("journey map template", "The import fails on her old spreadsheet"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[17].text */
  NC_("journey map template", "Price rise announced with little notice"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[18].text */
  NC_("journey map template", "Import ready-made for common spreadsheets"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[19].text */
  NC_("journey map template", "Show the time saved this year before renewal"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[20].text */
  NC_("journey map template", "Reward both sides of a referral"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[21].text */
  NC_("journey map template", "Trial to paid"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[21].kpi */
  /* xgettext:no-c-format */
  NC_("journey map template", "28%"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[22].text */
  NC_("journey map template", "Time to first invoice"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[22].kpi */
  NC_("journey map template", "2 days"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[23].text */
  NC_("journey map template", "Customers leaving each year"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[23].kpi */
  /* xgettext:no-c-format */
  NC_("journey map template", "12%"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[24].text */
  NC_("journey map template", "Customers who refer someone"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: cards[24].kpi */
  NC_("journey map template", "1 in 10"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: emotion-points[0].label */
  NC_("journey map template", "Hopeful"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: emotion-points[1].label */
  NC_("journey map template", "Stuck on the import"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: emotion-points[2].label */
  NC_("journey map template", "Paid on time"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: emotion-points[3].label */
  NC_("journey map template", "Doubts about the price"),
  /* Translators: sample text of a journey map template, relationship-lifecycle.parcours: emotion-points[4].label */
  NC_("journey map template", "Proud to recommend it"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: title */
  NC_("journey map template", "Service blueprint: a hotel stay"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: description */
  NC_("journey map template", "What the guest sees and does above the line of visibility, and the staff, systems and processes below it that make each moment work."),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: goals[0] */
  NC_("journey map template", "Show which backstage work each guest moment depends on"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: goals[1] */
  NC_("journey map template", "Find the fail points before guests do"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].name */
  NC_("journey map template", "Sofia"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].role */
  NC_("journey map template", "Business traveller, 41"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].goals[0] */
  NC_("journey map template", "Rest well before her meeting"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].goals[1] */
  NC_("journey map template", "Expense the stay without hassle"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].needs[0] */
  NC_("journey map template", "A fast check-in"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].needs[1] */
  NC_("journey map template", "A quiet room and good wifi"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].frustrations[0] */
  NC_("journey map template", "Queues at the desk"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: personas[0].frustrations[1] */
  NC_("journey map template", "Invoices with the wrong company name"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: stages[0].name */
  NC_("journey map template", "Booking"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: stages[1].name */
  NC_("journey map template", "Arrival"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: stages[2].name */
  NC_("journey map template", "Stay"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: stages[3].name */
  NC_("journey map template", "Check-out"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[0].name */
  NC_("journey map template", "Physical evidence"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[1].name */
  NC_("journey map template", "Customer actions"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[3].name */
  NC_("journey map template", "Frontstage actions"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[4].name */
  NC_("journey map template", "Line of visibility"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[5].name */
  NC_("journey map template", "Backstage actions"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[6].name */
  NC_("journey map template", "Support processes"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: lanes[7].name */
  NC_("journey map template", "Fail points"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[0].text */
  NC_("journey map template", "Booking website and confirmation email"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[1].text */
  NC_("journey map template", "Reception desk and key card"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[2].text */
  NC_("journey map template", "Room, wifi card and room service menu"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[3].text */
  NC_("journey map template", "Invoice by email"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[4].text */
  NC_("journey map template", "Books a room for two nights"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[5].text */
  NC_("journey map template", "Gives her name and shows her ID"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[6].text */
  NC_("journey map template", "Orders dinner to her room"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[7].text */
  NC_("journey map template", "Drops the key and asks for the invoice"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[8].text */
  NC_("journey map template", "Receptionist welcomes her and hands over the key"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[8].details */
  NC_("journey map template", "Frontstage: what staff do in front of the guest."),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[9].text */
  NC_("journey map template", "Waiter brings the tray"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[10].text */
  NC_("journey map template", "Receptionist prints the bill"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[11].text */
  NC_("journey map template", "Reservations team checks special requests"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[11].details */
  NC_("journey map template", "Backstage: below the line of visibility, staff work the guest does not see."),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[12].text */
  NC_("journey map template", "Housekeeping marks the room as ready"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[13].text */
  NC_("journey map template", "Kitchen prepares the order"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[14].text */
  NC_("journey map template", "Accounts add the company details to the invoice"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[15].text */
  NC_("journey map template", "Booking system and channel manager"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[15].details */
  NC_("journey map template", "Support processes: the systems and partners that backstage work relies on."),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[16].text */
  NC_("journey map template", "Room status in the property system"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[17].text */
  NC_("journey map template", "Point-of-sale system linked to the room bill"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[18].text */
  NC_("journey map template", "Accounting software"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[19].text */
  NC_("journey map template", "Room not ready at 3 p.m."),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[20].text */
  NC_("journey map template", "Company name missing from the invoice"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[21].text */
  NC_("journey map template", "Text the guest when the room is ready"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: cards[22].text */
  NC_("journey map template", "Ask for invoice details when booking"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: emotion-points[0].label */
  NC_("journey map template", "Quick to book"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: emotion-points[1].label */
  NC_("journey map template", "Waiting in the lobby"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: emotion-points[2].label */
  NC_("journey map template", "Good night’s sleep"),
  /* Translators: sample text of a journey map template, service-blueprint.parcours: emotion-points[3].label */
  NC_("journey map template", "Invoice to correct"),
};
