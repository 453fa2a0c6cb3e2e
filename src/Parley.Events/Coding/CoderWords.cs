using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events;

/// <summary>
/// The English word lists the event coder's rules test (negation words, intention and refusal verbs, pronouns,
/// descriptions...), read from data/lang/en/coder-words.tsv as interned lemma ids. One source of truth: every list is a
/// line of that file, and a list the coder asks for that the file lacks is an error at start-up, not an empty set.
/// </summary>
internal sealed class CoderWords
{
    public const string FileName = "coder-words.tsv";

    private readonly Dictionary<string, HashSet<int>> _lists;

    private CoderWords(Dictionary<string, HashSet<int>> lists)
    {
        _lists = lists;
        Negation = Get("negation");
        HypotheticalMarks = Get("hypothetical_marks");
        AlternativeMarks = Get("alternative_marks");
        CauseMarks = Get("cause_marks");
        By = One("by"); From = One("from"); Of = One("of"); With = One("with"); Take = One("take"); Have = One("have"); Place = One("place");
        FutureModals = Get("future_modals");
        PossibilityModals = Get("possibility_modals");
        Intent = Get("intent_verbs");
        Refuse = Get("refuse_verbs");
        NonFactive = Get("nonfactive_verbs");
        Belief = Get("belief_verbs");
        ClaimDisputing = Get("claim_disputing_verbs");
        ClaimNouns = Get("claim_nouns");
        ImminentAdjectives = Get("imminent_adjectives");
        ForecastAdjectives = Get("forecast_adjectives");
        OccurrenceVerbs = Get("occurrence_verbs");
        Demonstratives = Get("demonstratives");
        RelativePronouns = Get("relative_pronouns");
        TargetPreps = Get("target_preps");
        PlacePreps = Get("place_preps");
        PassingPreps = Get("passing_preps");
        TimeNouns = Get("time_nouns");
        TemporalPreps = Get("temporal_preps");
        PresupposingMarks = Get("presupposing_marks");
        Including = Get("including");
        LightVerbs = Get("light_verbs");
        NegotiationNouns = Get("negotiation_nouns");
        CircumstancePreps = Get("circumstance_preps");
        Unrealised = Get("unrealised");
        ProspectivePreps = Get("prospective_preps");
        DateHeads = Get("date_heads");
        MeasureHeads = Get("measure_heads");
        ActorPreps = Get("actor_preps");
        PronounsIt = Get("pronouns_it");
        PronounsThey = Get("pronouns_they");
        PronounsPerson = Get("pronouns_person");
        PronounsFirst = Get("pronouns_first");
        DescriptionsCountry = Get("descriptions_country");
        DescriptionsOrganisation = Get("descriptions_organisation");
        DescriptionsArmed = Get("descriptions_armed");
        BetweenPreps = Get("between_preps");
        SpeechVerbs = Get("speech_verbs");
        AddresseeVerbs = Get("addressee_verbs");
        SpokenToVerbs = Get("spoken_to_verbs");
        SpokenToPreps = Get("spoken_to_preps");
        LegislatureHeads = Get("legislature_heads");
        LegislatureWords = Get("legislature_words");
        DirectedVerbs = Get("directed_verbs");
        WarningVerbs = Get("warning_verbs");
        Spokespersons = Get("spokespersons");
        PartyGovernmentNouns = Get("party_government_nouns");
        VerbalObjects = Get("verbal_objects");
        AbstractObjects = Get("abstract_objects");
        ShowingVerbs = Get("showing_verbs");
        NamingVerbs = Get("naming_verbs");
        PejorativeNouns = Get("pejorative_nouns");
        FormerWords = Get("former_words");
        CampaignWords = Get("campaign_words");
        PurposeContact = Get("purpose_contact_verbs");
        DefiningVerbs = Get("defining_verbs");
        ObligationModals = Get("obligation_modals");
        AccountVerbs = Get("account_verbs");
        NecessityVerbs = Get("necessity_verbs");
        DemandModals = Get("demand_modals");
        ReasonMarks = Get("reason_marks");
        SpeechOccasions = Get("speech_occasions");
        PreferenceVerbs = Get("preference_verbs");
        UnrealisingVerbs = Get("unrealising_verbs");
        IndefiniteArticles = Get("indefinite_articles");
        HearsayAdverbs = Get("hearsay_adverbs");
        ConditionMarks = Get("condition_marks");
        HabitualAdverbs = Get("habitual_adverbs");
        OrganisationTitles = Get("organisation_titles");
        CompanyForms = Get("company_forms");
        BusinessBodies = Get("business_bodies");
        LabourBodies = Get("labour_bodies");
        TradeBodies = Get("trade_bodies");
        CompanyNameHeads = Get("company_name_heads");
        EducationBodies = Get("education_bodies");
        CandidacyTitles = Get("candidacy_titles");
        AllegationModals = Get("allegation_modals");
        ProgressiveAux = Get("progressive_aux");
        GovernmentPosts = Get("government_posts");
        CabinetPosts = Get("cabinet_posts");
        TitleQualifiers = Get(TitleQualifiersList);
        PostsBeforeAgent = Get("posts_before_agent");
        PastTense = StringStore.Intern("VBD");
        PastParticiple = StringStore.Intern("VBN");
        PresentParticiple = StringStore.Intern("VBG");
    }

    public readonly HashSet<int> Negation, HypotheticalMarks, AlternativeMarks, CauseMarks, FutureModals, PossibilityModals, Intent, Refuse, NonFactive, Belief, ClaimDisputing, ClaimNouns,
        ImminentAdjectives, ForecastAdjectives, OccurrenceVerbs, Demonstratives, RelativePronouns, TargetPreps, PlacePreps, PassingPreps, TimeNouns, TemporalPreps,
        PresupposingMarks, Including, LightVerbs, NegotiationNouns, CircumstancePreps, Unrealised, ProspectivePreps, DateHeads, ActorPreps,
        PronounsIt, PronounsThey, PronounsPerson, PronounsFirst, DescriptionsCountry, DescriptionsOrganisation, DescriptionsArmed, BetweenPreps, SpeechVerbs, AddresseeVerbs, SpokenToVerbs, SpokenToPreps, LegislatureHeads, LegislatureWords, DirectedVerbs, WarningVerbs, Spokespersons, PartyGovernmentNouns, VerbalObjects, NamingVerbs, PejorativeNouns, FormerWords, CampaignWords, PurposeContact, DefiningVerbs, ObligationModals, ReasonMarks,
        SpeechOccasions, PreferenceVerbs, UnrealisingVerbs, IndefiniteArticles;
    /// <summary>"trust", "position": abstractions a verb of force cannot strike ("abused the public's trust"): issue 11.</summary>
    public readonly HashSet<int> AbstractObjects;
    /// <summary>"demonstrate": verbs of protest that also mean showing, which they do with an object: issue 11.</summary>
    public readonly HashSet<int> ShowingVerbs;
    /// <summary>"explain", "justify": what a target is demanded to do when the demand is for an account of itself;
    /// "need" ("needed to explain"); "must" ("must explain"): issue 11.</summary>
    public readonly HashSet<int> AccountVerbs, NecessityVerbs, DemandModals;
    /// <summary>"percent", "point": heads of a quantity phrase when a number modifies them.</summary>
    public readonly HashSet<int> MeasureHeads;
    /// <summary>"allegedly", "supposedly": a predicate they modify is not asserted.</summary>
    public readonly HashSet<int> HearsayAdverbs;
    /// <summary>"if", "unless": the subordinators of a condition, not of a question.</summary>
    public readonly HashSet<int> ConditionMarks;
    /// <summary>"normally", "usually": a predicate of habit, no particular event.</summary>
    public readonly HashSet<int> HabitualAdverbs;
    /// <summary>"leader", "president": titles any organisation gives.</summary>
    public readonly HashSet<int> OrganisationTitles;
    /// <summary>"inc", "corp", "ltd": the last word of a company's name, its corporate form.</summary>
    public readonly HashSet<int> CompanyForms;
    /// <summary>"company", "cooperative"; "union", "guild": bodies of a post named by a common noun whose holder is business
    /// (BUS) or labour's (LAB), not the government's.</summary>
    public readonly HashSet<int> BusinessBodies, LabourBodies, TradeBodies;
    /// <summary>"bank", "exchange", "airline": the last word of an organisation's name that makes it a company, as a
    /// corporate form does.</summary>
    public readonly HashSet<int> CompanyNameHeads;
    /// <summary>"university", "college": words of a school's name; an academic post (EDU) at another named body is business.</summary>
    public readonly HashSet<int> EducationBodies;
    /// <summary>"candidate", "nominee": titles of a candidacy, not of the office they name.</summary>
    public readonly HashSet<int> CandidacyTitles;
    /// <summary>"would": a modal of what a rival would do ("the Lib Dems would raise taxes"); "be": the auxiliary of a
    /// progressive ("is surrendering a key veto"): the forms of an allegation of conduct (issue 11).</summary>
    public readonly HashSet<int> AllegationModals, ProgressiveAux;

    /// <summary>"minister", "chancellor": posts only a government gives, whatever party is named with them.</summary>
    public readonly HashSet<int> GovernmentPosts;
    /// <summary>"secretary": a government's posts besides <see cref="GovernmentPosts"/> that an elite of the knowledge base
    /// named with one holds at the article's time ("Treasury Secretary James Baker").</summary>
    public readonly HashSet<int> CabinetPosts;
    public readonly int By, From, Of, With, Take, Have, Place, PastTense, PastParticiple, PresentParticiple;

    /// <summary>Words that make a title another post ("deputy director", "vice president"): coref-words.tsv's list.</summary>
    public readonly HashSet<int> TitleQualifiers;

    /// <summary>"secretary", "attorney": a post word making one civil title with the agent noun after it ("secretary
    /// general"): coder-words.tsv's posts_before_agent.</summary>
    public readonly HashSet<int> PostsBeforeAgent;

    private HashSet<int> Get(string name) =>
        _lists.TryGetValue(name, out var set) ? set : throw new InvalidDataException($"{FileName}: no list '{name}'");

    private int One(string name)
    {
        foreach (int id in Get(name)) return id;
        throw new InvalidDataException($"{FileName}: list '{name}' is empty");
    }

    /// <summary>The data/lang/en folder of the installation, or null.</summary>
    public static string? FindFolder()
    {
        var root = ModelLocator.FindRoot("data");
        if (root is null) return null;
        var path = Path.Combine(root, "lang", "en");
        return File.Exists(Path.Combine(path, FileName)) ? path : null;
    }

    /// <summary>The coreference word lists (data/lang/en/coref-words.tsv), whose title qualifiers the coder shares.</summary>
    public const string CorefFileName = "coref-words.tsv";

    /// <summary>The coreference list the coder shares ("deputy", "vice", "shadow" qualify a post for both).</summary>
    private const string TitleQualifiersList = "title_qualifiers";

    public static CoderWords Load(string folder)
    {
        var lists = Lists(folder, FileName);
        // One source of truth: the title qualifiers are coreference's list, read from its file.
        lists[TitleQualifiersList] = Lists(folder, CorefFileName)[TitleQualifiersList];
        return new CoderWords(lists);
    }

    /// <summary>A data/lang/en file's lists, read as every word-list file is read (<see cref="WordLists"/>), each word with its <see cref="Spellings"/>.</summary>
    private static Dictionary<string, HashSet<int>> Lists(string folder, string fileName)
    {
        using var reader = File.OpenText(Path.Combine(folder, fileName));
        var file = WordLists.Read(reader, fileName);
        return file.Names.ToDictionary(name => name, name => file.Entries(name).SelectMany(Spellings).ToHashSet(), StringComparer.Ordinal);
    }

    /// <summary>A listed word's interned lemma ids: the word and, when it is lower-case, its capitalised spelling.
    /// Proper-noun lemmas keep their capital ("Monday", "It" at a sentence start is lemmatised "it", but a month is a
    /// PROPN): both spellings are members. Every word list of data/lang/en is read through this.</summary>
    internal static IEnumerable<int> Spellings(string word)
    {
        yield return StringStore.Intern(word);
        if (char.IsLower(word[0])) yield return StringStore.Intern(TextChars.Capitalised(word));
    }

    private static CoderWords? _shared;
    private static object? _sharedGate;

    /// <summary>The installation's word lists, loaded once per process.</summary>
    public static CoderWords Shared => LazyInitializer.EnsureInitialized(ref _shared, ref _sharedGate,
        () => Load(FindFolder() ?? throw new DirectoryNotFoundException($"data/lang/en/{FileName} not found")));
}
