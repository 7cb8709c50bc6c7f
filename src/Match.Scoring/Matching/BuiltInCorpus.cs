namespace Match.Scoring.Matching;

/// <summary>
/// A small corpus written by the Match team so a fresh service has a dictionary and idf before anything is stored:
/// one short description per common occupation, in the words postings and résumés use.
/// </summary>
internal static class BuiltInCorpus
{
    public static readonly IReadOnlyList<string> Documents =
    [
        "Software engineer. Design, build and test backend services and APIs in Java, Python, Go or C++. Code reviews, distributed systems, cloud infrastructure, databases, SQL, Linux, continuous integration.",
        "Data scientist. Statistical analysis, machine learning models, experiment design, A/B testing, Python, R, SQL, data pipelines, dashboards, presenting insights to stakeholders.",
        "IT support specialist. Help desk tickets, troubleshooting hardware and software, network administration, Windows and Linux servers, Active Directory, user accounts, system upgrades.",
        "Network engineer. Routing and switching, TCP/IP, firewalls, VPN, data center operations, network monitoring, Cisco equipment, capacity planning, incident response.",
        "Hardware engineer. Circuit design, schematic capture, PCB layout, signal integrity, validation and test of prototypes, manufacturing handoff, new product introduction.",
        "Mechanical engineer. CAD modelling, SolidWorks, tolerance analysis, GD&T, prototyping, design for manufacturing, FMEA, working with suppliers and contract manufacturers.",
        "Accountant. General ledger, journal entries, month-end close, account reconciliations, accounts payable and receivable, financial statements, GAAP, audits, tax returns, Excel.",
        "Financial analyst. Budgeting, forecasting, variance analysis, financial modelling, management reporting, business cases, investment analysis, Excel, presenting to leadership.",
        "Banker. Branch operations, customer accounts, loans and mortgages, credit analysis, cash handling, compliance with banking regulations, anti-money laundering, cross-selling products.",
        "Sales representative. Prospecting, lead generation, cold calling, negotiating and closing deals, quota attainment, account management, CRM, customer relationships, territory growth.",
        "Business development manager. New partnerships, market research, proposals, contract negotiation, revenue growth, pipeline management, client presentations, strategic alliances.",
        "Account manager. Managing client portfolios, renewals and upsell, customer satisfaction, quarterly business reviews, advertising campaigns, media plans, relationship building.",
        "Marketing manager. Marketing strategy, campaigns, brand management, digital marketing, SEO, social media, content, market research, product launches, marketing analytics, budgets.",
        "Public relations specialist. Media relations, press releases, journalists, communications plans, events, crisis communications, social media, writing and editing, publicity.",
        "Digital media producer. Video production, editing, content creation, web publishing, online advertising, social media channels, audience analytics, Adobe Creative Suite.",
        "Graphic designer. Visual design, typography, layout, branding, Adobe Photoshop, Illustrator and InDesign, print and web design, user interface mockups, creative direction.",
        "UX designer. User research, usability testing, personas, wireframes, prototypes, interaction design, information architecture, design systems, Figma, accessibility.",
        "Human resources generalist. Recruiting, onboarding, employee relations, benefits administration, payroll, HR policies, performance management, training, HRIS, labor law compliance.",
        "Management consultant. Client engagements, business analysis, process improvement, strategy recommendations, stakeholder interviews, project management, presentations, change management.",
        "Attorney. Legal research and writing, contracts, litigation, regulatory compliance, advising clients, negotiations, court filings, government relations, policy analysis.",
        "Advocate. Case management, client advocacy, community outreach, social services, crisis intervention, documentation, referrals, working with families and agencies.",
        "Teacher. Lesson planning, classroom management, curriculum development, student assessment, differentiated instruction, parent communication, tutoring, educational technology.",
        "Registered nurse. Patient care, assessments, medication administration, care plans, electronic medical records, infection control, patient education, clinical procedures.",
        "Chef. Menu planning, food preparation, kitchen management, food safety and sanitation, inventory and ordering, food cost control, training kitchen staff, catering.",
        "Fitness trainer. Personal training, exercise programs, group fitness classes, client assessments, nutrition guidance, CPR and first aid certification, motivating clients.",
        "Aviation technician. Aircraft maintenance, inspections, FAA regulations, airframe and powerplant, troubleshooting systems, maintenance records, safety procedures, flight operations.",
        "Construction manager. Project scheduling, job site supervision, subcontractors, blueprints, building codes, safety compliance, estimating, budgets, inspections.",
        "Agriculture specialist. Crop production, farm operations, soil and irrigation management, livestock, agricultural equipment, pest control, harvest planning, sustainability.",
        "Apparel merchandiser. Fashion trends, product development, sourcing, buying, visual merchandising, retail sales, inventory planning, vendor relations, textiles.",
        "Artist. Fine arts, illustration, painting, exhibitions, art instruction, creative projects, portfolio, studio management, community arts programs.",
        "Automotive technician. Vehicle diagnostics, repair and maintenance, engine and transmission systems, customer service, service advisor, dealership operations.",
        "Customer service representative. Call center, inbound and outbound calls, resolving customer issues, order processing, data entry, quality metrics, business process outsourcing.",
        "Project manager. Project planning, scope, schedules, budgets, risk management, stakeholder communication, Agile and Scrum, cross-functional teams, delivering on time.",
        "Operations manager. Process improvement, supply chain, logistics, vendor management, operational metrics, team leadership, budgeting, quality control.",
    ];
}
