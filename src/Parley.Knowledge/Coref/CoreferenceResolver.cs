using Parley.Core;
using Parley.Knowledge.Kb;
using Parley.Knowledge.Linking;
using Parley.Knowledge.Text;
using Parley.Core.Text;

namespace Parley.Knowledge.Coref;

/// <summary>
/// Within-document coreference over the linked entities. Mentions of one entity share
/// <see cref="EntityMention.Cluster"/>: the same knowledge-base id, the same name, or a surname or first name of a
/// person named in full ("Khalilzad" -> Zalmay Khalilzad). Definite titles ("the Special Representative",
/// "the Afghan-American diplomat", "the president", "the country") and pronouns (he, she, it, they ...) are added to
/// <see cref="Document.Entities"/> as mentions with Via "coref:title" / "coref:pronoun" carrying their antecedent's
/// name, id and actor code (filter them with <see cref="MentionKinds.IsNamed"/> when only names are wanted).
/// Antecedents are chosen by agreement (gender from titles and first names, number, person or group), recency
/// (three sentences back at most) and a preference for sentence subjects. <see cref="EntityAt"/> answers
/// "who is this token?" for the event coder.
/// </summary>
public sealed class CoreferenceResolver : IPipelineComponent
{
    private enum Gender : byte { Unknown, Male, Female }

    public const string FileName = "coref-words.tsv";

    private readonly Dictionary<string, string> _titleClasses;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _titleClassesBySpan;
    private readonly Dictionary<string, string> _agentHeads, _speakerAgentHeads;
    private readonly System.Collections.Frozen.FrozenSet<string> _titleQualifiers, _groupNouns, _countryNouns, _definiteDeterminers, _titleJoiners, _maleWords, _femaleWords,
        _femaleNames, _malePronouns, _femalePronouns, _neuterPronouns, _pluralPronouns, _reflexivePronouns, _nonReferentialAfterIt, _modalsAfterIt,
        _lightVerbsAfterModal, _speechVerbs, _hearerSpeechVerbs, _betweenSpeakerAndVerb, _conjunctionsBeforeSpeaker, _personNouns, _complementizers;
    private readonly string _expletivePronoun, _governmentOf;

    /// <summary>The quotation finder's word lists (data/lang/CODE/quote-words.tsv): its speech verbs tell a speaker.</summary>
    private const string QuoteWordsFile = "quote-words.tsv";

    /// <summary>A resolver with the word lists of <paramref name="language"/> (its coref-words.tsv).</summary>
    public CoreferenceResolver(LanguageData language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var w = language.Lists(FileName);
        _titleClasses = w.Pairs("title_classes").ToDictionary(p => p.Word, p => p.Value ?? p.Word, StringComparer.OrdinalIgnoreCase);
        _titleClassesBySpan = _titleClasses.GetAlternateLookup<ReadOnlySpan<char>>();
        _agentHeads = Roles(w, "agent_heads");
        _speakerAgentHeads = Roles(w, "speaker_agent_heads");
        _groupNouns = w.Set("group_nouns");
        _countryNouns = w.Set("country_nouns");
        _definiteDeterminers = w.Set("definite_determiners");
        // exact: a capitalised word is part of a title phrase anyway
        _titleJoiners = w.Set("title_joiners", StringComparer.Ordinal);
        _titleQualifiers = w.Set("title_qualifiers");
        _maleWords = w.Set("male_words");
        _femaleWords = w.Set("female_words");
        _femaleNames = w.Set("female_names");
        _personNouns = w.Set("person_nouns");
        _malePronouns = w.Set("male_pronouns");
        _femalePronouns = w.Set("female_pronouns");
        _neuterPronouns = w.Set("neuter_pronouns");
        _pluralPronouns = w.Set("plural_pronouns");
        _reflexivePronouns = w.Set("reflexive_pronouns");
        _expletivePronoun = w.One("expletive_pronoun");
        _nonReferentialAfterIt = w.Set("non_referential_after_it");
        _modalsAfterIt = w.Set("modals_after_it");
        _lightVerbsAfterModal = w.Set("light_verbs_after_modal", StringComparer.Ordinal);
        // speakers ("Mr Howard said", "said the Tory leader"), with the quotation finder's words
        var q = language.Lists(QuoteWordsFile);
        _speechVerbs = q.Set("speech_verbs");
        _hearerSpeechVerbs = q.Set("object_verbs");
        _betweenSpeakerAndVerb = q.Set("between_subject_and_verb");
        _conjunctionsBeforeSpeaker = q.Set("subject_stops");
        _complementizers = q.Set("complementizers");
        // one name for a country's government, the linker's
        _governmentOf = language.Lists(EntityLinker.FileName).One("government_of");
    }

    /// <summary>A resolver for English.</summary>
    public CoreferenceResolver() : this(LanguageData.Default) { }

    /// <summary>Writes clusters and the mentions titles and pronouns add; a mention of a linked entity's cluster takes its
    /// links (the entities layer is amended). A sentence's subject is its first mention: no parse is read.</summary>
    public static readonly ComponentDescriptor Descriptor = new("coref", Layers.Tokens | Layers.Sentences | Layers.Entities, Layers.Coreference, amends: Layers.Entities)
    {
        Summary = "within-document coreference: names, titles, pronouns",
    };

    public string Name => Descriptor.Name;

    private sealed class Cluster
    {
        public int Id;
        public required EntityMention Head;
        public Gender Gender;
        public HashSet<string> Titles { get; } = new(StringComparer.Ordinal);
        public bool Plural;
    }

    public void Process(Document doc, CancellationToken cancellationToken = default)
    {
        var entities = doc.Entities;
        entities.RemoveAll(MentionKinds.IsCoreferent);
        MentionKinds.SortByPosition(entities);

        var clusters = new List<Cluster>();
        var clusterOf = new Dictionary<EntityMention, Cluster>(ReferenceEqualityComparer.Instance);
        var byKey = new Dictionary<string, Cluster>(StringComparer.Ordinal);
        BuildClusters(doc, entities, clusters, clusterOf, byKey);
        CollectTitlesAndGender(doc, entities, clusterOf);

        var added = new List<EntityMention>();
        ResolveTitles(doc, entities, clusterOf, added);
        // Titles resolved so far are antecedents too ("The Afghan-American diplomat and his team").
        entities.AddRange(added);
        MentionKinds.SortByPosition(entities);
        added.Clear();
        ResolvePronouns(doc, entities, clusterOf, added);
        entities.AddRange(added);
        MentionKinds.SortByPosition(entities);
    }

    // ---- names ----

    private void BuildClusters(Document doc, List<EntityMention> entities, List<Cluster> clusters,
        Dictionary<EntityMention, Cluster> clusterOf, Dictionary<string, Cluster> byKey)
    {
        // Longer names first, so a later surname finds the full name whichever comes first in the text.
        var order = new List<EntityMention>(entities);
        order.Sort(static (a, b) => WordCount(b.Text).CompareTo(WordCount(a.Text)) is var c && c != 0 ? c : a.Start.CompareTo(b.Start));
        var fullNames = new List<(string[] Words, Cluster Cluster)>();
        var orgNames = new List<(string[] Words, Cluster Cluster)>();
        foreach (var e in order)
        {
            string key = ClusterKey(e);
            // "The International Monetary Fund ... the Fund said", "the European Community ... the Community": the last word
            // of a known organisation's name, after a determiner, is that organisation's short form when one only ends so.
            if (e.Type == "ORG" && e.Kb is null && !byKey.ContainsKey(key) && AfterDeterminer(doc, e)
                && FindByNamePart(e, orgNames, surnameOnly: true) is { } body && body.Head.Start < e.Start)
            {
                e.Kb = body.Head.Kb;
                e.Actor = body.Head.Actor;
                e.Name = body.Head.Name;
                e.Via = MentionKinds.CorefTitle;
                clusterOf[e] = body;
                continue;
            }
            // "rapper Kanye West ... West backed away": a surname the recogniser took for a people or a direction ("West",
            // MISC) is the person named in full before it, unless a determiner makes it a thing ("the West").
            if (e.Type == "MISC" && FindByNamePart(e, fullNames, surnameOnly: true) is { } person && person.Head.Start < e.Start && !AfterDeterminer(doc, e))
            {
                e.Type = "PER";
                e.Kb = person.Head.Kb;
                e.Actor = person.Head.Actor;
                e.RoleUnknown = person.Head.RoleUnknown;
                e.Name = person.Head.Name;
                clusterOf[e] = person;
                continue;
            }
            if (!byKey.TryGetValue(key, out var cluster))
            {
                if (e.Type == "PER" && e.Kb is null) cluster = FindByNamePart(e, fullNames);
                if (cluster is null)
                {
                    cluster = new Cluster { Head = e, Plural = IsPlural(doc, e) };
                    clusters.Add(cluster);
                    if (e.Type == "PER") fullNames.Add((Words(EntityLinker.StripName(e.Text)), cluster));
                    else if (e.Type == "ORG" && e.Kb is not null && e.Via != MentionKinds.Agent) orgNames.Add((Words(e.Text), cluster));
                }
                byKey[key] = cluster;
            }
            clusterOf[e] = cluster;
            if (cluster.Head != e && e.Kb is null && cluster.Head.Kb is not null)
            {
                e.Kb = cluster.Head.Kb;
                if (e.Actor is null) (e.Actor, e.RoleUnknown) = (cluster.Head.Actor, cluster.Head.RoleUnknown);
                e.Name = cluster.Head.Name;
            }
        }
        // Ids in order of first appearance; unlinked clusters are named by their longest mention.
        foreach (var e in entities)
        {
            var c = clusterOf[e];
            if (c.Id == 0) c.Id = -1;
        }
        int next = 0;
        foreach (var e in entities)
        {
            var c = clusterOf[e];
            if (c.Id < 0) c.Id = ++next;
            e.Cluster = c.Id - 1;
            if (e.Kb is null && e.Type == "PER") e.Name = EntityLinker.StripName(c.Head.Text);
        }
    }

    private static string ClusterKey(EntityMention e)
    {
        if (e.Via == MentionKinds.Agent) return "agent:" + e.Actor + ":" + NameKey.FromPhrase(e.Text);
        if (e.Kb is not null) return e.Kb;
        return e.Type + ":" + NameKey.FromPhrase(EntityLinker.StripName(e.Text));
    }

    /// <summary>A one-word person mention that is the last (surname) or, unless <paramref name="surnameOnly"/>, first word of
    /// a full name already seen.</summary>
    private static Cluster? FindByNamePart(EntityMention e, List<(string[] Words, Cluster Cluster)> fullNames, bool surnameOnly = false)
    {
        var words = Words(EntityLinker.StripName(e.Text));
        if (words.Length != 1) return null;
        Cluster? found = null;
        foreach (var (full, cluster) in fullNames)
        {
            if (full.Length < 2) continue;
            if (string.Equals(full[^1], words[0], StringComparison.OrdinalIgnoreCase) || !surnameOnly && string.Equals(full[0], words[0], StringComparison.OrdinalIgnoreCase))
            {
                if (found is not null && found != cluster) return null; // two people share it: leave it alone
                found = cluster;
            }
        }
        return found;
    }

    private bool AfterDeterminer(Document doc, EntityMention e)
    {
        int first = doc.TokenAt(e.Start);
        return first > 0 && doc.Tokens[first - 1].Sentence == doc.Tokens[first].Sentence && _definiteDeterminers.Contains(Text(doc, first - 1));
    }

    private static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    /// <summary>The length of <see cref="Words"/>, without making the words (the sort of <see cref="BuildClusters"/> asks it on every comparison).</summary>
    private static int WordCount(string s)
    {
        int count = 0;
        for (int i = 0; i < s.Length; i++)
            if (s[i] != ' ' && (i == 0 || s[i - 1] == ' ')) count++;
        return count;
    }

    private static bool IsPlural(Document doc, EntityMention e)
    {
        if (e.Type == "PER") return false;
        if (e.Kb is { } kb && kb.StartsWith(MentionKinds.ActorPrefix, StringComparison.Ordinal) && e.Type == "ORG") return true; // groups: "they"
        string t = e.Text;
        return e.Via == MentionKinds.Agent && t.Length > 3 && t.EndsWith('s') && !t.EndsWith("ss", StringComparison.Ordinal);
    }

    /// <summary>Titles next to a person's name ("President Donald Trump", "Zalmay Khalilzad, the envoy") and gender cues.</summary>
    private void CollectTitlesAndGender(Document doc, List<EntityMention> entities, Dictionary<EntityMention, Cluster> clusterOf)
    {
        var tokens = doc.Tokens;
        foreach (var e in entities)
        {
            if (e.Type != "PER" || !MentionKinds.IsNamed(e)) continue;
            var c = clusterOf[e];
            int first = doc.TokenAt(e.Start);
            int last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
            if (first < 0 || last < 0) continue;
            int sentence = tokens[first].Sentence;
            string? titleHere = null;
            for (int t = first - 1; t >= Math.Max(0, first - 7) && tokens[t].Sentence == sentence; t--)
            {
                string w = Text(doc, t);
                // A title phrase is capitalised words (and "of", "for", "the") or a title word in lower case ("Italian economic
                // development minister Stefano Patuanelli"): stop at other words and at another person.
                if (w.Length == 0 || !(char.IsUpper(w[0]) || _titleJoiners.Contains(w) || _titleClasses.ContainsKey(w)) || w is "." or ";" or ",") break;
                if (CoveredByPerson(entities, tokens[t].Start, e)) break;
                if (TitleClass(doc, t) is { } cls && !QualifiedTitle(doc, t, first - 7)) c.Titles.Add(titleHere = cls);
                // "Tory leader Michael Howard": the leader of that organisation, for a later "the Tory leader"
                else if (titleHere is not null && OrganisationAt(entities, tokens[t].Start) is { } org) c.Titles.Add(OrganisationTitle(titleHere, org));
                if (_maleWords.Contains(w)) c.Gender = Gender.Male;
                if (_femaleWords.Contains(w)) c.Gender = Gender.Female;
            }
            // Appositive: "Name, the US envoy," (not "Echoing Condoleezza Rice, the prime minister said": a speech verb makes
            // the title the subject of a clause of its own)
            if (last + 1 < tokens.Length && Text(doc, last + 1) == ",")
            {
                string? appositive = null;
                for (int t = last + 2; t < Math.Min(tokens.Length, last + 8) && tokens[t].Sentence == sentence; t++)
                {
                    string w = Text(doc, t);
                    if (w is "," or ".") break;
                    if (_speechVerbs.Contains(w)) { appositive = null; break; }
                    appositive ??= TitleClass(doc, t);
                }
                if (appositive is not null) c.Titles.Add(appositive);
            }
            string firstWord = Text(doc, first);
            // "Ms Blears", "Mr Shadjareh": a courtesy title inside the mention tells the gender too
            if (_maleWords.Contains(firstWord)) c.Gender = Gender.Male;
            else if (_femaleWords.Contains(firstWord)) c.Gender = Gender.Female;
            else if (c.Gender == Gender.Unknown && _femaleNames.Contains(firstWord)) c.Gender = Gender.Female;
        }
    }

    /// <summary>A title word with "shadow", "deputy", "former"... among the up to three words before it, in its sentence and
    /// clause ("shadow foreign secretary Michael Ancram", "deputy prime minister Mr Prescott").</summary>
    private bool QualifiedTitle(Document doc, int title, int floor)
    {
        var tokens = doc.Tokens;
        for (int t = title - 1; t >= Math.Max(0, Math.Max(floor, title - 3)) && tokens[t].Sentence == tokens[title].Sentence; t--)
        {
            string w = Text(doc, t);
            if (w is "," or ";" or "." or ":") break;
            if (_titleQualifiers.Contains(w)) return true;
        }
        return false;
    }

    // ---- definite titles ----

    private void ResolveTitles(Document doc, List<EntityMention> entities, Dictionary<EntityMention, Cluster> clusterOf, List<EntityMention> added)
    {
        var tokens = doc.Tokens;
        for (int t = 0; t < tokens.Length; t++)
        {
            string det = Text(doc, t);
            if (!_definiteDeterminers.Contains(det)) continue;
            int sentence = tokens[t].Sentence;
            // the [up to three modifiers] HEAD
            EntityMention? modifierOrg = null;
            for (int h = t + 1; h < Math.Min(tokens.Length, t + 5) && tokens[h].Sentence == sentence; h++)
            {
                string w = Text(doc, h);
                if (!IsWord(w)) break;
                if (CoveredByNamed(entities, tokens[h].Start, tokens[h].End, out var by) && !_countryNouns.Contains(w)
                    && !IsBareTitle(by!))
                {
                    // "the Tory leader": an organisation's name modifies the title; read on past it
                    if (modifierOrg is null && by!.Type == "ORG" && by.Actor is not null && by.Start >= tokens[h].Start
                        && doc.TokenAt(Math.Max(by.Start, by.End - 1)) is int byLast && byLast + 1 < tokens.Length
                        && tokens[byLast + 1].Sentence == sentence && TitleClass(doc, byLast + 1) is not null)
                    {
                        modifierOrg = by;
                        h = byLast;
                        continue;
                    }
                    break;
                }
                if (_countryNouns.Contains(w))
                {
                    var country = CountryInFocus(doc, entities, tokens[t].Start, sentence, clusterOf);
                    if (country is not null)
                    {
                        var theCountry = Copy(doc, country, tokens[t].Start, tokens[h].End, MentionKinds.CorefTitle, 0.7);
                        theCountry.Type = "LOC";
                        clusterOf[theCountry] = clusterOf[country];
                        added.Add(theCountry);
                        // "the country's leadership" -> the country's government
                        if (h + 2 < tokens.Length && IsPossessiveToken(Text(doc, h + 1)) && TitleOrAgentHead(Text(doc, h + 2)) is { } code)
                        {
                            var m = CountryAgent(doc, country, tokens[t].Start, tokens[h + 2].End, code, MentionKinds.CorefTitle, 0.6);
                            clusterOf[m] = new Cluster { Head = m, Id = 0 };
                            added.Add(m);
                        }
                    }
                    break;
                }
                if (_groupNouns.Contains(w))
                {
                    // "the movement "Taliban"", "the group Hamas": the name that follows is the mention, not a reference.
                    if (NamedAfter(doc, entities, h)) break;
                    // "the terrorist group", "the movement": the organisation named last (three sentences back at most).
                    int from = doc.Sentences[Math.Max(0, sentence - 3)].Start;
                    var org = MostRecent(entities, tokens[t].Start, clusterOf, e => e.Start >= from && e.Type == "ORG" && e.Actor is not null
                        && e.Via != MentionKinds.Agent && MentionKinds.IsNamed(e));
                    if (org is not null)
                    {
                        var m = Copy(doc, org, tokens[t].Start, tokens[h].End, MentionKinds.CorefTitle, 0.6);
                        clusterOf[m] = clusterOf[org];
                        added.Add(m);
                    }
                    break;
                }
                if (TitleClass(doc, h) is not { } cls) continue;
                // A title directly before a name is part of that name's mention, not a reference.
                if (h + 1 < tokens.Length && StartsNamedPerson(entities, tokens[h + 1].Start)) break;
                if (modifierOrg is not null)
                {
                    // "the Tory leader": only a person seen with that organisation's title ("Tory leader Michael Howard")
                    string wanted = OrganisationTitle(cls, modifierOrg);
                    var holder = MostRecent(entities, tokens[t].Start, clusterOf, e => e.Type == "PER" && clusterOf[e].Titles.Contains(wanted));
                    if (holder is not null)
                    {
                        var m = Copy(doc, holder, tokens[t].Start, tokens[h].End, MentionKinds.CorefTitle, 0.7);
                        clusterOf[m] = clusterOf[holder];
                        added.Add(m);
                    }
                    break;
                }
                string? wantedCountry = DemonymCountry(entities, tokens[t].End, tokens[h].Start);
                var antecedent = MostRecent(entities, tokens[t].Start, clusterOf, e =>
                    e.Type == "PER" && clusterOf[e].Titles.Contains(cls) && (wantedCountry is null || e.Actor is null || e.Actor.StartsWith(wantedCountry, StringComparison.Ordinal)));
                antecedent ??= MostRecent(entities, tokens[t].Start, clusterOf, e => e.Type == "PER" && clusterOf[e].Titles.Contains(cls));
                // "the prime minister" when no one was introduced as such: a minister of the country the article's people
                // belong to, as the last word's class ("Secretary of State Condoleezza Rice" in a British article is not him)
                if (antecedent is null && _titleClasses.GetValueOrDefault(w) is { } wider && wider != cls
                    && (wantedCountry ?? PeopleCountry(entities)) is { } peopleCountry)
                    antecedent = MostRecent(entities, tokens[t].Start, clusterOf, e =>
                        e.Type == "PER" && clusterOf[e].Titles.Contains(wider) && e.Actor is not null && e.Actor.StartsWith(peopleCountry, StringComparison.Ordinal));
                if (antecedent is not null)
                {
                    var m = Copy(doc, antecedent, tokens[t].Start, tokens[h].End, MentionKinds.CorefTitle, 0.7);
                    clusterOf[m] = clusterOf[antecedent];
                    added.Add(m);
                }
                break;
            }
        }
    }

    /// <summary>The class of the title at token <paramref name="t"/>: of the two words ending there when they are a title
    /// ("prime minister"), else of the word ("minister"); null when it is no title.</summary>
    private string? TitleClass(Document doc, int t)
    {
        if (t > 0 && doc.Tokens[t - 1].Sentence == doc.Tokens[t].Sentence
            && _titleClasses.TryGetValue(Text(doc, t - 1) + " " + Text(doc, t), out var two)) return two;
        return _titleClasses.GetValueOrDefault(Text(doc, t));
    }

    /// <summary>The country code most of the article's named persons carry (the first three letters of their actor codes),
    /// or null when none has one.</summary>
    private static string? PeopleCountry(List<EntityMention> entities)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entities)
            if (e.Type == "PER" && MentionKinds.IsNamed(e) && e.Actor is { Length: >= 3 } a)
                counts[a[..3]] = counts.GetValueOrDefault(a[..3]) + 1;
        string? best = null;
        foreach (var (k, v) in counts)
            if (best is null || v > counts[best] || v == counts[best] && string.CompareOrdinal(k, best) < 0) best = k;
        return best;
    }

    /// <summary>A named organisation with an actor code covering the character at <paramref name="offset"/>, or null.</summary>
    private static EntityMention? OrganisationAt(List<EntityMention> entities, int offset)
    {
        foreach (var o in entities)
        {
            if (o.Start > offset) break;
            if (o.End > offset && o.Type == "ORG" && o.Actor is not null && MentionKinds.IsNamed(o)) return o;
        }
        return null;
    }

    /// <summary>A title class held for one organisation ("president@tory").</summary>
    private static string OrganisationTitle(string cls, EntityMention org) =>
        cls + "@" + (org.Kb ?? NameKey.FromPhrase(org.Text));

    /// <summary>
    /// "the country": among the countries named (or implied by a demonym) in the last three sentences, the one the
    /// document names most, then the most recent.
    /// </summary>
    private static EntityMention? CountryInFocus(Document doc, List<EntityMention> entities, int before, int sentence, Dictionary<EntityMention, Cluster> clusterOf)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entities)
            if (e.Kb is { } kb && kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal) && MentionKinds.IsNamed(e))
                counts[kb] = counts.GetValueOrDefault(kb) + 1;
        EntityMention? best = null;
        double bestScore = double.MinValue;
        foreach (var e in entities)
        {
            if (e.End > before) break;
            if (!clusterOf.ContainsKey(e) || e.Via == MentionKinds.Agent || e.Kb is not { } kb || !kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal)) continue;
            int s = Math.Max(0, doc.SentenceAt(e.Start));
            if (sentence - s > 3) continue;
            double score = counts.GetValueOrDefault(kb) + e.Start / 1e7;
            if (score > bestScore) { bestScore = score; best = e; }
        }
        return best;
    }

    private string? TitleOrAgentHead(string w) => _agentHeads.GetValueOrDefault(w);

    /// <summary>A list of word=CAMEO role pairs; every word needs its role.</summary>
    private static Dictionary<string, string> Roles(WordLists w, string key) =>
        w.Pairs(key).ToDictionary(p => p.Word, p => p.Value ?? throw new InvalidDataException($"{w.Source}: {key}: '{p.Word}' needs a role"), StringComparer.OrdinalIgnoreCase);

    /// <summary>The agent <paramref name="role"/> of a country in focus, standing at [start, end) ("the country's
    /// leadership", a pronoun for "a government spokeswoman"): the country's actor code with the role.</summary>
    private EntityMention CountryAgent(Document doc, EntityMention country, int start, int end, string role, string via, double confidence)
    {
        var m = Copy(doc, country, start, end, via, confidence);
        m.Actor = country.Actor + role;
        m.Type = "ORG";
        m.Cluster = -1;
        m.Name = _governmentOf + " " + country.Name;
        return m;
    }

    /// <summary>The country of a demonym between the article and the title ("the Afghan diplomat"), or null.</summary>
    private static string? DemonymCountry(List<EntityMention> entities, int from, int to)
    {
        foreach (var e in entities)
        {
            if (e.Start >= to) break;
            if (e.Start >= from && e.End <= to && e.Type == "MISC" && e.Kb is { } kb && kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal))
                return kb[MentionKinds.CountryPrefix.Length..];
        }
        return null;
    }

    // ---- pronouns ----

    private void ResolvePronouns(Document doc, List<EntityMention> entities, Dictionary<EntityMention, Cluster> clusterOf, List<EntityMention> added)
    {
        var tokens = doc.Tokens;
        bool[]? mentionStarts = null;
        // pronouns an unnamed speaker decided, by token: what each stands for (null: none, the speaker has no code)
        Dictionary<int, EntityMention?>? byUnnamedSpeaker = null;
        for (int t = 0; t < tokens.Length; t++)
        {
            string w = Text(doc, t);
            Func<EntityMention, bool>? fits;
            bool reflexive = _reflexivePronouns.Contains(w);
            if (_malePronouns.Contains(w)) fits = e => e.Type == "PER" && clusterOf[e].Gender != Gender.Female;
            else if (_femalePronouns.Contains(w)) fits = e => e.Type == "PER" && clusterOf[e].Gender != Gender.Male;
            else if (_neuterPronouns.Contains(w))
            {
                bool expletive = w.Equals(_expletivePronoun, StringComparison.OrdinalIgnoreCase);
                if (expletive && t + 1 < tokens.Length && _nonReferentialAfterIt.Contains(Text(doc, t + 1))) continue;
                // "it would be hard", "it will take years": a modal before a copula or a light verb keeps "it" empty;
                // "Hungary said it will support" is the country.
                if (expletive && t + 2 < tokens.Length && _modalsAfterIt.Contains(Text(doc, t + 1))
                    && (_lightVerbsAfterModal.Contains(Text(doc, t + 2)) || _nonReferentialAfterIt.Contains(Text(doc, t + 2)))) continue;
                fits = e => e.Type != "PER" && e.Type != "MISC" && !clusterOf[e].Plural && (e.Type != "LOC" || e.Kb is { } kb && kb.StartsWith(MentionKinds.CountryPrefix, StringComparison.Ordinal));
            }
            else if (_pluralPronouns.Contains(w)) fits = e => e.Type == "ORG" && (clusterOf[e].Plural || e.Via == MentionKinds.Agent);
            else continue;
            // '"... Gordon Brown's record is very mixed," he said': the speaker of a quotation just closed is not a name
            // the quotation holds.
            if (QuotationBefore(doc.Text, tokens[t].Start) is (int open, int close))
            {
                var inner = fits;
                fits = e => (e.Start < open || e.Start >= close) && inner(e);
            }
            EntityMention? antecedent = null;
            bool personal = _malePronouns.Contains(w) || _femalePronouns.Contains(w);
            // "the bank said it had expressed concern": "it" reporting on its own speaker, a body named by a common noun, is
            // that body: an organisation (one whose name ends in the noun first: "the World Bank"), never a country named
            // since ("refugees from neighbouring Afghanistan"); "the country said it" a country (issue 11, Reuters round 30).
            if (!personal && !reflexive && _neuterPronouns.Contains(w) && NounSpeakerBefore(doc, entities, t) is int speakerNoun)
            {
                string noun = Text(doc, speakerNoun);
                bool country = _countryNouns.Contains(noun);
                var inner = fits;
                fits = country ? e => e.Type == "LOC" && inner(e) : e => e.Type == "ORG" && inner(e);
                // (a named organisation counts as a group, "they", elsewhere; a name ending in the singular noun is "it")
                if (!country && BestAntecedent(doc, entities, clusterOf, tokens[t].Start, tokens[t].Sentence, 3,
                        e => e.Type == "ORG" && e.Via != MentionKinds.Agent && LastWord(e.Text).Equals(noun.AsSpan(), StringComparison.OrdinalIgnoreCase), personal) is { } named)
                    antecedent = named;
            }
            if (!reflexive && (AttributionPronoun(doc, t) ?? (personal ? FirstPersonAfterPhrase(doc, entities, t) : null)) is { } attribution)
            {
                // ', he said' after a reported clause: the names of the clause are what he spoke of, not him ("... the
                // 'George Bush-style tax cutting spree' planned by the Tories, he said").
                if (attribution == Attribution.AfterClause)
                {
                    var inner = fits;
                    int own = tokens[t].Sentence;
                    fits = e => doc.SentenceAt(e.Start) != own && inner(e);
                }
                // 'He added:', '"...," he said': the speaker the article quoted last, not the last person it named
                // (Andrew Marr quoting what Gordon Brown knows; a rights-group chairman accusing a minister).
                mentionStarts ??= MentionStarts(doc, entities);
                // ("They said" keeps the nearest group: a party quoted before is not the group named since)
                antecedent = _pluralPronouns.Contains(w) ? null : LastSpeaker(doc, entities, mentionStarts, tokens[t].Start, tokens[t].Sentence, fits);
                // ... unless a person named since then in a sentence of narration, neither quoted nor quoting, is the
                // nearer subject ("Mr Brown said X. Mr Blair flew to Kenya. He said ...").
                var nearest = BestAntecedent(doc, entities, clusterOf, tokens[t].Start, tokens[t].Sentence, 3, fits, personal);
                if (antecedent is null || nearest is not null && Narrated(doc, nearest) && doc.SentenceAt(nearest.Start) > doc.SentenceAt(antecedent.Start))
                    antecedent = nearest;
                // '..., union sources said. They said ...', 'a spokesman said ... He said': a speaker the article names by a
                // common noun only, quoted since the antecedent, is who speaks on; the pronoun is not an earlier named actor.
                // 'A Labour spokesman said ... he said': the body named in that phrase, when it has a code, is the speaker.
                // 'A government spokeswoman said ... She said', '..., government sources said. They said': an agent noun of the
                // phrase (coref-words.tsv speaker_agent_heads) makes the pronoun that agent of the country in focus, as "the country's
                // leadership" is.
                // ('Political sources said the Christian Democrats are likely to leave ... They said': a name in what the unnamed
                // speaker said is what they spoke of, not them.)
                var unnamedSpeaker = UnnamedSpeakerBefore(doc, entities, t, w, out int pronounSpeaker);
                if (unnamedSpeaker is (int unnamed, var body, var role)
                    && (antecedent is null || antecedent.End <= unnamed || InClauseOf(doc, unnamed, antecedent)))
                {
                    var decided = SpeakerStandIn(doc, entities, clusterOf, t, body, role);
                    (byUnnamedSpeaker ??= [])[t] = decided;
                    if (decided is not null) added.Add(Copy(doc, decided, tokens[t].Start, tokens[t].End, MentionKinds.CorefPronoun, 0.6));
                    continue;
                }
                // '..., union sources said. They said ... They said ...': a pronoun speaking on after a pronoun of its form stands
                // for what that one did when an unnamed speaker decided it (none, when that speaker has no code).
                // (not past a person named since in narration: 'Kamentsev repeated terms ... He said')
                if (unnamedSpeaker is null && pronounSpeaker >= 0 && byUnnamedSpeaker is not null
                    && (antecedent is null || antecedent.End <= tokens[pronounSpeaker].Start || !Narrated(doc, antecedent))
                    && byUnnamedSpeaker.TryGetValue(pronounSpeaker, out var earlier) && SameForm(w, Text(doc, pronounSpeaker)))
                {
                    byUnnamedSpeaker[t] = earlier;
                    if (earlier is not null) added.Add(Copy(doc, earlier, tokens[t].Start, tokens[t].End, MentionKinds.CorefPronoun, 0.6));
                    continue;
                }
            }
            // '"...," said the official who asked not to be named. He declined to describe ...': "he" or "she" opening a
            // sentence right after an unnamed person spoke, with no fitting person named since, is that speaker.
            else if (personal && !reflexive && OpensSentence(doc, t)
                && UnnamedSpeakerBefore(doc, entities, t, w, out _) is (int unnamed, var body, var role)
                && doc.SentenceAt(unnamed) == tokens[t].Sentence - 1
                && (BestAntecedent(doc, entities, clusterOf, tokens[t].Start, tokens[t].Sentence, 3, fits, personal) is not { } since || since.End <= unnamed))
            {
                var decided = SpeakerStandIn(doc, entities, clusterOf, t, body, role);
                if (decided is not null) added.Add(Copy(doc, decided, tokens[t].Start, tokens[t].End, MentionKinds.CorefPronoun, 0.6));
                continue;
            }
            antecedent ??= BestAntecedent(doc, entities, clusterOf, tokens[t].Start, tokens[t].Sentence, reflexive ? 0 : 3, fits, personal);
            if (antecedent is not null) added.Add(Copy(doc, antecedent, tokens[t].Start, tokens[t].End, MentionKinds.CorefPronoun, 0.6));
        }
    }

    /// <summary>The offset of the last speaker before pronoun <paramref name="t"/> (five sentences back at most) when that
    /// speaker is a common noun no mention covers and it agrees with the pronoun ("union sources said" for "they", "a
    /// spokesman said" for "he", "a statement said" for "it"); null when the last speaker found is a mention or a pronoun,
    /// or none is found. A speaker is the word before a speech verb outside quotations (past "also", "has" ...).</summary>
    private (int Offset, EntityMention? Body, string? Role)? UnnamedSpeakerBefore(Document doc, List<EntityMention> entities, int t, string pronoun,
        out int pronounSpeaker)
    {
        const int SentencesBack = 5;
        pronounSpeaker = -1;
        var tokens = doc.Tokens;
        int floor = doc.Sentences[Math.Max(0, tokens[t].Sentence - SentencesBack)].Start;
        // 'a bank spokesman said ... the spokesman said ... he said': a definite speaker noun the resolver placed on no one
        // is the unnamed speaker named before with that noun, and stands at its own, nearer, place
        string? definiteNoun = null;
        int definiteAt = -1;
        for (int k = t - 1; k > 0 && tokens[k].Start >= floor; k--)
        {
            if (!_speechVerbs.Contains(Text(doc, k)) || InsideQuotation(doc.Text, tokens[k].Start)) continue;
            int j = k - 1;
            while (j >= 0 && tokens[j].Sentence == tokens[k].Sentence && _betweenSpeakerAndVerb.Contains(Text(doc, j))) j--;
            if (j < 0 || tokens[j].Sentence != tokens[k].Sentence) continue;
            // '"...," said the official who asked not to be named': a person noun after the verb, for "he" or "she"
            bool after = false;
            if (!IsWord(Text(doc, j)) && (_malePronouns.Contains(pronoun) || _femalePronouns.Contains(pronoun)) && PersonAfterVerb(doc, k) is int p and >= 0)
            {
                j = p;
                after = true;
            }
            string noun = Text(doc, j);
            if (!IsWord(noun) || _conjunctionsBeforeSpeaker.Contains(noun)) continue;
            if (IsPronoun(noun))
            {
                if (definiteNoun is null) pronounSpeaker = j;
                return null;
            }
            if (Covering(entities, tokens[j].Start, static _ => true) is { } covered)
            {
                // "a senior U.S. official said ... said the official ... He": the agent phrase the definite noun names again
                return definiteNoun is not null && covered.Via == MentionKinds.Agent && covered.Actor is not null
                    && LastWord(covered.Text).Equals(definiteNoun.AsSpan(), StringComparison.OrdinalIgnoreCase) ? (definiteAt, covered, null) : null;
            }
            if (!after && !OpensClause(doc, j)) continue;
            bool plural = noun.Length > 3 && noun.EndsWith('s') && !noun.EndsWith("ss", StringComparison.Ordinal);
            bool person = _titleClasses.ContainsKey(noun) || _maleWords.Contains(noun) || _femaleWords.Contains(noun) || _personNouns.Contains(noun);
            bool agrees = _pluralPronouns.Contains(pronoun) ? plural
                : _neuterPronouns.Contains(pronoun) ? !plural && !person
                : !plural && person && !(_malePronouns.Contains(pronoun) ? _femaleWords.Contains(noun) : _maleWords.Contains(noun));
            // "the minister said", "the company said": a definite singular refers back to one named before (the
            // titles this resolver could not place); "the dealers said", "a spokesman said" name no one
            if (!agrees) continue;
            if (plural || !Definite(doc, j))
            {
                if (definiteNoun is not null && !noun.Equals(definiteNoun, StringComparison.OrdinalIgnoreCase)) return null;
                return (definiteNoun is null ? tokens[j].Start : definiteAt, BodyInPhrase(doc, entities, j), AgentInPhrase(doc, j));
            }
            if (definiteNoun is null) { definiteNoun = noun; definiteAt = tokens[j].Start; }
        }
        return null;
    }

    /// <summary>The person noun ending a phrase of two to four lower-case words right after the speech verb at <paramref name="verb"/>
    /// (one that does not take its hearer), before a punctuation mark or a clause's conjunction ("said the official who
    /// asked not to be named", "said a spokesman."); -1 when there is none.</summary>
    private int PersonAfterVerb(Document doc, int verb)
    {
        var tokens = doc.Tokens;
        if (_hearerSpeechVerbs.Contains(Text(doc, verb))) return -1;
        for (int m = verb + 1; m <= verb + 4 && m + 1 < tokens.Length && tokens[m + 1].Sentence == tokens[verb].Sentence; m++)
        {
            string w = Text(doc, m);
            if (!IsWord(w) || !char.IsLower(w[0])) return -1;
            string next = Text(doc, m + 1);
            if (m > verb + 1 && (!IsWord(next) || _conjunctionsBeforeSpeaker.Contains(next)))
                return _titleClasses.ContainsKey(w) || _maleWords.Contains(w) || _femaleWords.Contains(w) || _personNouns.Contains(w) ? m : -1;
        }
        return -1;
    }

    /// <summary>The mention stands after the speaker noun at <paramref name="speaker"/> in its sentence: in what that speaker
    /// said ("Political sources said the Christian Democrats ...").</summary>
    private static bool InClauseOf(Document doc, int speaker, EntityMention e) =>
        e.Start > speaker && doc.SentenceAt(e.Start) == doc.SentenceAt(speaker);

    /// <summary>What a pronoun at <paramref name="t"/> after an unnamed speaker stands for: the body its phrase names, else the
    /// agent <paramref name="role"/> of the country in focus, else nothing (null).</summary>
    private EntityMention? SpeakerStandIn(Document doc, List<EntityMention> entities, Dictionary<EntityMention, Cluster> clusterOf, int t, EntityMention? body, string? role)
    {
        var tokens = doc.Tokens;
        return body ?? (role is not null && CountryInFocus(doc, entities, tokens[t].Start, tokens[t].Sentence, clusterOf) is { Actor: not null } country
            ? CountryAgent(doc, country, tokens[t].Start, tokens[t].End, role, MentionKinds.CorefPronoun, 0.6) : null);
    }

    /// <summary>Token <paramref name="t"/> opens its sentence, or follows only a conjunction that does ("But he").</summary>
    private bool OpensSentence(Document doc, int t)
    {
        var tokens = doc.Tokens;
        int k = t - 1;
        if (k >= 0 && tokens[k].Sentence == tokens[t].Sentence && _conjunctionsBeforeSpeaker.Contains(Text(doc, k))) k--;
        return k < 0 || tokens[k].Sentence != tokens[t].Sentence;
    }

    /// <summary>Two pronouns of one form: both male, both female, both neuter or both plural.</summary>
    private bool SameForm(string a, string b) =>
        _malePronouns.Contains(a) ? _malePronouns.Contains(b)
        : _femalePronouns.Contains(a) ? _femalePronouns.Contains(b)
        : _pluralPronouns.Contains(a) ? _pluralPronouns.Contains(b)
        : _neuterPronouns.Contains(a) && _neuterPronouns.Contains(b);

    /// <summary>The noun a pronoun right after a speech verb (and its complementizer) reports on: "the bank said it",
    /// "the company said that it" give the token of "bank", "company" when it is a definite singular common noun that names no
    /// person and no mention covers, subject of its own clause; else null.</summary>
    private int? NounSpeakerBefore(Document doc, List<EntityMention> entities, int t)
    {
        var tokens = doc.Tokens;
        int k = t - 1;
        if (k > 0 && _complementizers.Contains(Text(doc, k))) k--;
        if (k <= 0 || tokens[k].Sentence != tokens[t].Sentence || !_speechVerbs.Contains(Text(doc, k)) || InsideQuotation(doc.Text, tokens[k].Start)) return null;
        int j = k - 1;
        while (j >= 0 && tokens[j].Sentence == tokens[k].Sentence && _betweenSpeakerAndVerb.Contains(Text(doc, j))) j--;
        if (j < 0 || tokens[j].Sentence != tokens[k].Sentence) return null;
        string noun = Text(doc, j);
        if (!IsWord(noun) || !char.IsLower(noun[0]) || IsPronoun(noun) || noun.EndsWith('s') || _titleClasses.ContainsKey(noun)
            || _maleWords.Contains(noun) || _femaleWords.Contains(noun) || _personNouns.Contains(noun)
            || Covering(entities, tokens[j].Start, static _ => true) is not null) return null;
        // The phrase opens with its definite determiner, itself opening the clause ("But the bank said it"), not inside a
        // phrase ("China has in the past said it").
        int d = j - 1;
        while (d >= Math.Max(0, j - 3) && tokens[d].Sentence == tokens[j].Sentence && IsWord(Text(doc, d)) && !_definiteDeterminers.Contains(Text(doc, d))) d--;
        if (d < 0 || tokens[d].Sentence != tokens[j].Sentence || !_definiteDeterminers.Contains(Text(doc, d))) return null;
        int before = d - 1;
        if (before >= 0 && tokens[before].Sentence == tokens[j].Sentence && IsWord(Text(doc, before))
            && !(_conjunctionsBeforeSpeaker.Contains(Text(doc, before)) && (before == 0 || tokens[before - 1].Sentence != tokens[j].Sentence))) return null;
        return j;
    }

    /// <summary>The text after the last space (all of it when there is none).</summary>
    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> text)
    {
        int space = text.LastIndexOf(' ');
        return space < 0 ? text : text[(space + 1)..];
    }

    /// <summary>A definite determiner opens the noun phrase ending at token <paramref name="head"/> (up to four words back,
    /// in its sentence: "the Tory leader").</summary>
    private bool Definite(Document doc, int head)
    {
        var tokens = doc.Tokens;
        for (int k = head - 1; k >= Math.Max(0, head - 4) && tokens[k].Sentence == tokens[head].Sentence; k--)
        {
            string w = Text(doc, k);
            if (_definiteDeterminers.Contains(w) || IsPossessiveToken(w)) return true;
            if (!IsWord(w)) return false;
        }
        return false;
    }

    /// <summary>The noun phrase ending at token <paramref name="head"/> (up to four words) opens its sentence or follows a
    /// punctuation mark, or only a conjunction opening the sentence ("But an executive spokeswoman insisted"): a subject of
    /// its own clause, not of a relative one ("the bill, which ministers claim will ...").</summary>
    private bool OpensClause(Document doc, int head)
    {
        var tokens = doc.Tokens;
        int sentence = tokens[head].Sentence;
        int k = head - 1;
        for (int n = 0; n < 4 && k >= 0 && tokens[k].Sentence == sentence && IsWord(Text(doc, k)) && !_conjunctionsBeforeSpeaker.Contains(Text(doc, k)); n++) k--;
        if (k < 0 || tokens[k].Sentence != sentence) return true;
        string w = Text(doc, k);
        if (!IsWord(w)) return true;
        return _conjunctionsBeforeSpeaker.Contains(w) && (k == 0 || tokens[k - 1].Sentence != sentence);
    }

    /// <summary>The role (coref-words.tsv speaker_agent_heads) of the noun at <paramref name="head"/> or of a word among the up to
    /// three before it in its phrase ("government sources", "a government spokeswoman", "officials" -> GOV), or null.</summary>
    private string? AgentInPhrase(Document doc, int head)
    {
        var tokens = doc.Tokens;
        for (int k = head; k >= Math.Max(0, head - 3) && tokens[k].Sentence == tokens[head].Sentence && IsWord(Text(doc, k)); k--)
            if (_speakerAgentHeads.GetValueOrDefault(Text(doc, k)) is { } role) return role;
        return null;
    }

    /// <summary>A named organisation or country with an actor code among the up to four words before the noun at
    /// <paramref name="head"/> ("a Labour spokesman", "Hunosa union sources"), or null.</summary>
    private static EntityMention? BodyInPhrase(Document doc, List<EntityMention> entities, int head)
    {
        var tokens = doc.Tokens;
        for (int k = head - 1; k >= Math.Max(0, head - 4) && tokens[k].Sentence == tokens[head].Sentence && IsWord(Text(doc, k)); k--)
        {
            if (Covering(entities, tokens[k].Start, static e => e.Actor is not null && MentionKinds.IsNamed(e) && e.Type != "PER") is { } body)
                return body;
            // "the French Defence Ministry said ... A ministry spokesman said": a common noun of the phrase that ends the name
            // of an organisation named before (five sentences back at most) is that organisation, as "the bank said it" is
            string w = Text(doc, k);
            if (char.IsLower(w[0]) && NamedEndingIn(doc, entities, w, tokens[k].Start, tokens[k].Sentence) is { } named) return named;
        }
        return null;
    }

    /// <summary>The last named organisation (no agent phrase) before <paramref name="before"/>, five sentences back at most,
    /// whose name ends in <paramref name="noun"/>; null when there is none.</summary>
    private static EntityMention? NamedEndingIn(Document doc, List<EntityMention> entities, string noun, int before, int sentence)
    {
        int floor = doc.Sentences[Math.Max(0, sentence - 5)].Start;
        EntityMention? found = null;
        foreach (var e in entities)
        {
            if (e.End > before) break;
            if (e.Start >= floor && e.Type == "ORG" && e.Via != MentionKinds.Agent && MentionKinds.IsNamed(e)
                && LastWord(e.Text).Equals(noun.AsSpan(), StringComparison.OrdinalIgnoreCase)) found = e;
        }
        return found;
    }

    private bool IsPronoun(string w) => _malePronouns.Contains(w) || _femalePronouns.Contains(w) || _neuterPronouns.Contains(w) || _pluralPronouns.Contains(w);

    /// <summary>The first mention (of <paramref name="entities"/>, sorted by start) covering the character at
    /// <paramref name="offset"/> that <paramref name="fits"/>, or null.</summary>
    private static EntityMention? Covering(List<EntityMention> entities, int offset, Func<EntityMention, bool> fits)
    {
        foreach (var o in entities)
        {
            if (o.Start > offset) break;
            if (o.End > offset && fits(o)) return o;
        }
        return null;
    }

    /// <summary>
    /// The span of a quotation closed just before <paramref name="offset"/> (a double quote mark, after punctuation, then
    /// only spaces): from its opening mark, in the same paragraph, to its closing mark. Null when the text before the
    /// offset closes no quotation.
    /// </summary>
    internal static (int Open, int Close)? QuotationBefore(string text, int offset)
    {
        int k = offset - 1;
        while (k >= 0 && text[k] is ' ' or '\t') k--;
        if (k < 1 || text[k] is not ('"' or '\u201D') || !char.IsPunctuation(text[k - 1]) || text[k - 1] is '"' or '\u201C' or '\u201D') return null;
        int close = k;
        for (k = close - 1; k >= 0 && text[k] != '\n'; k--)
            if (text[k] is '"' or '\u201C') return (k, close);
        return null;
    }

    private enum Attribution : byte { Opening, AfterClause }

    /// <summary>How a pronoun before a speech verb attributes speech: opening its sentence ('He added:', 'But he said',
    /// '"...," he said') or after a reported clause and a comma ('..., he said'); null when it does neither (a pronoun
    /// subject in mid-sentence, 'Mr Brown met Mr Blair and he said', keeps the ordinary choice).</summary>
    private Attribution? AttributionPronoun(Document doc, int t)
    {
        if (!IsSpeaker(doc, t, t, null)) return null;
        var tokens = doc.Tokens;
        int sentence = tokens[t].Sentence;
        int start = doc.Sentences[sentence].Start;
        int k = t - 1;
        if (k >= 0 && tokens[k].Sentence == sentence && _conjunctionsBeforeSpeaker.Contains(Text(doc, k))) k--;
        if (k < 0 || tokens[k].Sentence != sentence || tokens[k].Start < start) return Attribution.Opening;
        string before = Text(doc, k);
        if (before is "\"" or "\u201D") return Attribution.Opening;
        return before == "," && k == t - 1 ? Attribution.AfterClause : null;
    }

    /// <summary>'Laying into the Tories' record, he said:', 'In Gateshead he told activists': a pronoun subject of a speech
    /// verb after an opening phrase that names no person and quotes nothing is the sentence's first person, so it opens the
    /// attribution like a pronoun that starts the sentence (the speaker quoted last, not a name inside his reported words in
    /// the sentence before: 'the cuts proposed by shadow chancellor Oliver Letwin ..., he told activists').</summary>
    private Attribution? FirstPersonAfterPhrase(Document doc, List<EntityMention> entities, int t)
    {
        if (!IsSpeaker(doc, t, t, null)) return null;
        var tokens = doc.Tokens;
        int sentence = tokens[t].Sentence;
        int start = doc.Sentences[sentence].Start;
        for (int k = t - 1; k >= 0 && tokens[k].Sentence == sentence && tokens[k].Start >= start; k--)
            if (Text(doc, k) is "\"" or "\u201C" or "\u201D" or ";" or ":" || _malePronouns.Contains(Text(doc, k)) || _femalePronouns.Contains(Text(doc, k))
                || CoveredByPerson(entities, tokens[k].Start, null)) return null;
        return Attribution.Opening;
    }

    /// <summary>A speaker: the mention (tokens <paramref name="first"/>..<paramref name="last"/>) is the subject of a speech
    /// verb ("Mr Howard said", "the Tory leader also said", "Mr Blair dismissed the talk of splits and said", "Lord Woolf,
    /// who is the most senior judge, said": no other name and no quotation before the verb, a parenthesis between commas
    /// skipped) or, unless <paramref name="mentionStarts"/> is null (a pronoun: only the verb right after it counts), follows
    /// a speech verb that does not take its hearer, at the end of a clause ("..., said Mr Kennedy.", not "told Mr Kennedy",
    /// not "said Mr Jackson was ...").</summary>
    private bool IsSpeaker(Document doc, int first, int last, bool[]? mentionStarts)
    {
        var tokens = doc.Tokens;
        int sentence = tokens[first].Sentence;
        bool pronoun = mentionStarts is null;
        int after = last + 1;
        bool parenthesis = !pronoun && after < tokens.Length && tokens[after].Sentence == sentence && Text(doc, after) == ",";
        int outside = 0;
        for (int t = parenthesis ? after + 1 : after; t < tokens.Length && t <= after + 30 && tokens[t].Sentence == sentence; t++)
        {
            string w = Text(doc, t);
            if (parenthesis)
            {
                // "Mark Serwotka, the leader of the union said:": an apposition may run up to the verb
                if (_speechVerbs.Contains(w)) return true;
                if (w == ",") parenthesis = false;
                continue;
            }
            if (_speechVerbs.Contains(w)) return true;
            if (pronoun ? !_betweenSpeakerAndVerb.Contains(w) : w is "\"" or "\u201C" or "\u201D" or ";" || mentionStarts![t] || ++outside > 12) break;
        }
        if (pronoun || first == 0 || tokens[first - 1].Sentence != sentence) return false;
        string verb = Text(doc, first - 1);
        bool clauseEnds = last + 1 >= tokens.Length || tokens[last + 1].Sentence != sentence || Text(doc, last + 1) is "." or "," or ";" or ":";
        return clauseEnds && _speechVerbs.Contains(verb) && !_hearerSpeechVerbs.Contains(verb);
    }

    /// <summary>Which tokens start a mention.</summary>
    private static bool[] MentionStarts(Document doc, List<EntityMention> entities)
    {
        var starts = new bool[doc.Tokens.Length];
        foreach (var e in entities)
            if (doc.TokenAt(e.Start) is int k && k >= 0) starts[k] = true;
        return starts;
    }

    /// <summary>A mention in a sentence of narration: outside any quotation open in its paragraph, in a sentence without a
    /// speech verb.</summary>
    private bool Narrated(Document doc, EntityMention e)
    {
        if (InsideQuotation(doc.Text, e.Start)) return false;
        int sentence = doc.SentenceAt(e.Start);
        for (int t = Math.Max(0, doc.TokenAt(e.Start)); t >= 0 && t < doc.Tokens.Length && doc.Tokens[t].Sentence == sentence; t--)
            if (_speechVerbs.Contains(Text(doc, t))) return false;
        for (int t = Math.Max(0, doc.TokenAt(e.Start)); t < doc.Tokens.Length && doc.Tokens[t].Sentence == sentence; t++)
            if (_speechVerbs.Contains(Text(doc, t))) return false;
        return true;
    }

    /// <summary>True when a quotation opened in the paragraph before <paramref name="offset"/> is not closed yet. A straight
    /// mark after a space (or at the paragraph's start) opens, any other closes, so a quotation reopened on a new paragraph
    /// of the same speech ("... damaging. "I think ...") stays one quotation.</summary>
    internal static bool InsideQuotation(string text, int offset)
    {
        int end = Math.Min(offset, text.Length);
        int k = end - 1;
        while (k >= 0 && text[k] != '\n') k--;
        bool open = false;
        for (k++; k < end; k++)
        {
            char c = text[k];
            if (c == '\u201C') open = true;
            else if (c == '\u201D') open = false;
            else if (c == '"') open = k == 0 || char.IsWhiteSpace(text[k - 1]) || text[k - 1] is '(' or '[';
        }
        return open;
    }

    /// <summary>The last mention that fits and is a speaker, five sentences back at most, outside quotations' text as far
    /// as a speaker test can tell (a speech verb beside it); null when there is none.</summary>
    private EntityMention? LastSpeaker(Document doc, List<EntityMention> entities, bool[] mentionStarts, int before, int sentence, Func<EntityMention, bool> fits)
    {
        const int SentencesBack = 5;
        EntityMention? best = null;
        foreach (var e in entities)
        {
            if (e.End > before) break;
            int s = Math.Max(0, doc.SentenceAt(e.Start));
            if (sentence - s > SentencesBack || !fits(e) || NestedInAgent(entities, e)) continue;
            int first = doc.TokenAt(e.Start), last = doc.TokenAt(Math.Max(e.Start, e.End - 1));
            if (first >= 0 && last >= 0 && IsSpeaker(doc, first, last, mentionStarts) && !InReportedClause(doc, first)) best = e;
        }
        return best;
    }

    /// <summary>'Mr Clarke said he had supported the plans when Mr Blunkett argued for them': a speech verb earlier in the
    /// sentence, in lower case (not 'the United States'), outside quotations, after a word (not opening it: 'Asked whether
    /// ..., Mr Howard told') and not right before
    /// the mention ('..., said Mr Kennedy'), reports what the mention's
    /// clause says, so the mention is a person spoken of, not the speaker a later 'he said' continues.</summary>
    private bool InReportedClause(Document doc, int first)
    {
        var tokens = doc.Tokens;
        int sentence = tokens[first].Sentence;
        for (int k = first - 2; k > 0 && tokens[k - 1].Sentence == sentence; k--)
        {
            string w = Text(doc, k);
            // a quotation's edge, a semicolon or ', while' / ', but' closes the reported clause: 'Duda said the victims
            // were "..." while Interior Minister Brudzinski wrote' leaves Brudzinski a speaker
            if (w is "\"" or "\u201C" or "\u201D" or ";" || _conjunctionsBeforeSpeaker.Contains(w) && Text(doc, k - 1) == ",") return false;
            if (char.IsLower(Text(doc, k)[0]) && _speechVerbs.Contains(Text(doc, k)) && !InsideQuotation(doc.Text, tokens[k].Start) && IsWord(Text(doc, k - 1))) return true;
        }
        return false;
    }

    private static EntityMention? BestAntecedent(Document doc, List<EntityMention> entities, Dictionary<EntityMention, Cluster> clusterOf,
        int before, int sentence, int sentencesBack, Func<EntityMention, bool> fits, bool personal = false)
    {
        EntityMention? best = null;
        double bestScore = double.MinValue;
        int firstInSentence = -1, lastSentence = -1;
        foreach (var e in entities)
        {
            if (e.End > before) break;
            int s = doc.SentenceCount > 0 ? Math.Max(0, doc.SentenceAt(e.Start)) : 0;
            // A modifier's name ("Liberal Democrat shadow chancellor Vince Cable", "British Prime Minister ...") is not the
            // sentence's subject: the first mention that is not MISC is; for "he" or "she" the first person named ("the
            // co-chair of Black Voices for Trump, Herman Cain, ... died. He had ...").
            bool subject = s != lastSentence && (personal ? e.Type == "PER" : e.Type != "MISC");
            if (subject) { lastSentence = s; firstInSentence = e.Start; }
            if (sentence - s > sentencesBack || !fits(e) || NestedInAgent(entities, e)) continue;
            double score = -2.0 * (sentence - s) - (before - e.End) / 400.0 + (subject ? 1.0 : 0) + (clusterOf[e].Gender != Gender.Unknown ? 0.3 : 0);
            if (score > bestScore) { bestScore = score; best = e; }
        }
        return best;
    }

    private static bool NestedInAgent(List<EntityMention> entities, EntityMention e)
    {
        if (e.Via == MentionKinds.Agent) return false;
        foreach (var o in entities)
        {
            if (o.Start > e.Start) break;
            if (o != e && o.Via == MentionKinds.Agent && o.Start <= e.Start && o.End >= e.End) return true;
        }
        return false;
    }

    // ---- helpers ----

    private static EntityMention? MostRecent(List<EntityMention> entities, int before, Dictionary<EntityMention, Cluster> clusterOf, Func<EntityMention, bool> fits)
    {
        EntityMention? best = null;
        foreach (var e in entities)
        {
            if (e.End > before) break;
            if (clusterOf.ContainsKey(e) && fits(e)) best = e;
        }
        return best;
    }

    /// <summary>True when a named mention starts within the next two tokens after <paramref name="h"/>, past quote marks.</summary>
    private static bool NamedAfter(Document doc, List<EntityMention> entities, int h)
    {
        var tokens = doc.Tokens;
        for (int k = h + 1; k < tokens.Length && k <= h + 2 && tokens[k].Sentence == tokens[h].Sentence; k++)
        {
            if (CoveredByNamed(entities, tokens[k].Start, tokens[k].End, out _)) return true;
            string w = Text(doc, k);
            if (w.Length != 1 || char.IsLetterOrDigit(w[0])) return false;
        }
        return false;
    }

    /// <summary>A name-recognizer mention that is only a title ("Special Representative" tagged ORG, unlinked): it does not
    /// stop "the Special Representative" from being read as a reference to the person who holds the title.</summary>
    private bool IsBareTitle(EntityMention m)
    {
        if (m.Kb is not null || m.Actor is not null || m.Type == "LOC") return false;
        return _titleClassesBySpan.ContainsKey(LastWord(m.Text.AsSpan().TrimEnd()));
    }

    private static bool CoveredByNamed(List<EntityMention> entities, int start, int end, out EntityMention? by)
    {
        foreach (var e in entities)
        {
            if (e.Start >= end) break;
            if (e.End > start && MentionKinds.IsNamed(e) && e.Type != "MISC") { by = e; return true; }
        }
        by = null;
        return false;
    }

    private static bool CoveredByPerson(List<EntityMention> entities, int offset, EntityMention? except) =>
        Covering(entities, offset, o => o != except && o.Type == "PER") is not null;

    private static bool StartsNamedPerson(List<EntityMention> entities, int start)
    {
        foreach (var e in entities)
        {
            if (e.Start > start) break;
            if (e.Start == start && e.Type == "PER") return true;
        }
        return false;
    }

    private static EntityMention Copy(Document doc, EntityMention antecedent, int start, int end, string via, double confidence) => new()
    {
        Start = start, End = end, Text = doc.Text[start..end], Type = antecedent.Type, Name = antecedent.Name, Kb = antecedent.Kb,
        Actor = antecedent.Actor, RoleUnknown = antecedent.RoleUnknown, Cluster = antecedent.Cluster, Via = via, Confidence = confidence,
    };

    private static bool IsWord(string w) => w.Length > 0 && (char.IsLetter(w[0]) || w.Contains('-'));
    private static bool IsPossessiveToken(string w) => w.Length == 2 && TextChars.Fold(w[0]) == '\'' && w[1] is 's' or 'S';
    private static string Text(Document doc, int t) => doc.Text.Substring(doc.Tokens[t].Start, doc.Tokens[t].End - doc.Tokens[t].Start);

    /// <summary>
    /// The entity a token belongs to: the longest mention covering it (an agent phrase "Afghan officials" over
    /// its demonym, a name, a title or pronoun resolved by coreference), or null.
    /// </summary>
    public static EntityMention? EntityAt(Document doc, int tokenIndex)
    {
        if ((uint)tokenIndex >= (uint)doc.TokenCount) return null;
        var tok = doc.Tokens[tokenIndex];
        EntityMention? best = null;
        foreach (var e in doc.Entities)
        {
            if (e.Start >= tok.End) break;
            if (e.End > tok.Start && (best is null || e.End - e.Start > best.End - best.Start)) best = e;
        }
        return best;
    }
}
