using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>A resolved actor: the entity mention (or agent noun) that stands for a source or target.</summary>
internal struct ActorRef
{
    public int Entity;
    public int Cluster;
    public string Code;
    public string? Name;
    public int Start;
    public int End;
    public double Confidence;
    /// <summary>The token whose noun phrase gave the actor.</summary>
    public int Token;
    /// <summary>A generic agent noun ("police"), not a named entity.</summary>
    public readonly bool Generic => Entity < 0;
    /// <summary>A person named here (a PER mention, not a pronoun); <see cref="Name"/> tells one person from another.</summary>
    public bool Person;
    /// <summary>A pronoun the coreference resolver linked to a person (a PER cluster): one person, told from another by its
    /// cluster and its antecedent's <see cref="Name"/> (issue 11: "he heaped praise on Mr Brown", Blair and Brown both GBRGOV).</summary>
    public bool PersonPronoun;
    /// <summary>A person the knowledge base knows (not one coded only by a title the article gives).</summary>
    public bool KnownPerson;
    /// <summary>A generic police or armed force named by a place the linker does not know ("West Yorkshire police"): a force of
    /// the article's country even beside named actors (see EventCoder.InferAgentCountries).</summary>
    public bool UnknownPlace;
    /// <summary>The knowledge-base id of a named party ("actor:LABOUR_PARTY"; an organisation coded with the role PTY): in the
    /// dictionaries every party of a country is one code (GBRPTY), so this tells one party from another (issue 11).</summary>
    public string? Party;
    /// <summary>A named party itself coded as its country's government on a date it governs (<see cref="Party"/> stays
    /// its identity): in statements and verbs it is still a party ("Howard attacked Labour": words, 111).</summary>
    public bool InOffice;
    /// <summary>Resolved, or on a side a resolution excludes, with Resolve's partiesApart: another named party is not on
    /// its side (<see cref="SameSide"/>).</summary>
    public bool OtherPartiesApart;
}

/// <summary>
/// Actor resolution: which actors a noun phrase stands for. A phrase headed by a named entity is its actor code (or
/// its coreference cluster's); an agent noun takes the actors among its modifiers ("Afghan soldiers" -> AFGMIL, "the
/// government of Gondor" -> GONGOV, "Lawmakers in Fornost and Gondor" -> FORLEG, GONLEG); any other noun passes on
/// the first actor among its modifiers, as PETRARCH reads a noun phrase ("the resumption of ties with X" -> X, "an
/// attack by Osgiliath soldiers" -> OSGMIL). Coordinated phrases give one actor each, sharing the modifiers of the
/// first ("Danish media and government" -> DNKMED, DNKGOV). Pronouns come from coreference, and "we" or "I" inside a
/// quotation from its speaker.
/// </summary>
internal sealed partial class ActorResolver(CameoData data, CoderWords w, bool rolesOnCodedActors, HashSet<int>? explosives = null)
{
    private readonly CameoData _data = data;
    private readonly CoderWords _w = w;
    /// <summary>Lemmas of explosive devices and their going off ("bomb", "blast"): the explosives mode's cues in plover-modes.tsv.</summary>
    private readonly HashSet<int> _explosives = explosives ?? [];

    /// <summary>An agent's role added to the actor it qualifies: always under PETRARCH's conventions ("MSF Arnor diplomat"
    /// NGOARNGOV); under Parley's only to a bare country or organisation code, since an actor with a role of its own keeps
    /// it ("Tory leader" is the party, GBRPTY, not GBRPTYGOV; "Taliban fighters" AFGREB).</summary>
    private string AddRoles(string code, string roles) => rolesOnCodedActors || code.Length <= 3 ? WithRoles(code, roles) : code;

    public const int MaxActors = 16;
    private const int MaxDepth = 3;

    /// <summary>The role of bare "people", "men", "persons": never given a country, and never an actor without a named one.</summary>
    public const string PeopleRole = "PPL";

    /// <summary>
    /// Adds the actors of the noun phrase headed by <paramref name="head"/> and of its coordinated conjuncts to
    /// <paramref name="into"/>. <paramref name="allowGeneric"/>: agent nouns without a named actor count ("police" ->
    /// COP). Returns how many were added. <paramref name="exclude"/>: actors that may not be among them (a source's side);
    /// <paramref name="colleagues"/>: whether persons of the same code count as that side (for what a statement is about:
    /// "Blair said Blunkett ..."), or only the same person does (a verb's own argument: "Johnson asked Queen Elizabeth II");
    /// <paramref name="partiesApart"/>: whether two named parties of one code are two sides (<see cref="ActorRef.Party"/>).
    /// </summary>
    public int Resolve(DocumentContext ctx, in SentenceGraph g, int head, bool allowGeneric, List<ActorRef> into, bool deep = true,
        List<ActorRef>? exclude = null, bool colleagues = true, bool partiesApart = false)
    {
        int before = into.Count;
        if (partiesApart && exclude is { Count: > 0 }) exclude = exclude.ConvertAll(x => x with { OtherPartiesApart = true });
        ResolvePhrase(ctx, g, head, allowGeneric, into, deep ? 0 : MaxDepth, exclude);
        if (exclude is { Count: > 0 })
            for (int i = into.Count - 1; i >= before; i--)
                if (IsExcluded(into[i], exclude, colleagues)) into.RemoveAt(i);
        // Words that judge another party ("the Tories say Labour's plans have failed"): the party found stays apart from the
        // speaker's when the event is emitted too.
        if (partiesApart)
            for (int i = before; i < into.Count; i++) into[i] = into[i] with { OtherPartiesApart = true };
        // One actor once: "The Afghan-American diplomat and his team" are both Khalilzad.
        for (int i = into.Count - 1; i > before; i--)
            for (int j = before; j < i; j++)
                if (SameActor(into[i], into[j]) && into[i].Code == into[j].Code) { into.RemoveAt(i); break; }
        return into.Count - before;
    }

    private static bool IsExcluded(in ActorRef a, List<ActorRef> exclude, bool colleagues = true)
    {
        // The excluded are a side (a speaker's, a source's): its colleagues of one code are on it too, unless only the
        // same person counts (a verb's own argument).
        foreach (var x in exclude)
            if ((colleagues ? SameSide(a, x) : SameActor(a, x)) || SameParty(a, x)) return true;
        return false;
    }

    /// <summary>One party seen twice: the same entity or cluster with one code the other's start ("the ambassadors of
    /// Osgiliath" OSGGOV and "their" resolved to Osgiliath OSG), not two agents of one country (RUSCOP, RUSEDU).</summary>
    private static bool SameParty(in ActorRef a, in ActorRef b)
    {
        if (a.Generic || b.Generic) return false;
        bool same = a.Entity == b.Entity || a.Cluster >= 0 && a.Cluster == b.Cluster;
        return same && (a.Code.StartsWith(b.Code, StringComparison.Ordinal) || b.Code.StartsWith(a.Code, StringComparison.Ordinal));
    }

    private int ResolvePhrase(DocumentContext ctx, in SentenceGraph g, int head, bool allowGeneric, List<ActorRef> into, int depth,
        List<ActorRef>? exclude)
    {
        int before = into.Count;
        Span<int> heads = stackalloc int[MaxActors];
        int n = Coordinated(g, head, heads);
        // Modifiers shared by the conjuncts: "Danish media and government", "Lawmakers and officials in Fornost and Gondor".
        List<ActorRef>? shared = null;
        var sharedRoles = "";
        for (int i = 0; i < n && n > 1; i++)
        {
            if (_data.Agents.RoleOf(g, heads[i]) is null) continue;
            var mods = new List<ActorRef>();
            ModifierActors(ctx, g, heads[i], mods);
            if (mods.Count == 0) continue;
            shared = mods;
            sharedRoles = ModifierRoles(g, heads[i]);
            break;
        }
        for (int i = 0; i < n && into.Count < MaxActors; i++)
        {
            int had = into.Count;
            ResolveOne(ctx, g, heads[i], allowGeneric, into, depth, shared, sharedRoles, exclude);
            // "Ithilen's sheep and goats of Gondor": modifiers of the first conjunct may name the others' actors.
            if (i == 0 && n > 1 && into.Count > had && _data.Agents.RoleOf(g, heads[0]) is null && ctx.EntityAt[heads[0]] < 0)
                MoreModifierActors(ctx, g, heads[0], into, had, depth, exclude);
        }
        return into.Count - before;
    }

    /// <summary>The head and its coordinated conjuncts ("the US and Britain" -> US, Britain).</summary>
    public static int Coordinated(in SentenceGraph g, int head, Span<int> heads)
    {
        int n = 0;
        heads[n++] = head;
        for (int i = 0; i < n && n < heads.Length; i++)
        {
            for (int c = g.FirstChild(heads[i]); c >= 0 && n < heads.Length; c = g.NextSibling(c))
                if (g.RelOf(c) == Rel.Conj && g.Upos(c) is not (UPos.VERB or UPos.AUX) || IsListMember(g, c)) heads[n++] = c;
        }
        n = AddSplitSubjectList(g, head, heads, n);
        return n;
    }

    /// <summary>"Evil Mordor, the awful Fornost, and good Gondor": a list the parser read as an apposition whose own
    /// conjunct carries the list's "and" — the apposition is a member of the list, not another name of the head.</summary>
    private static bool IsListMember(in SentenceGraph g, int c)
    {
        if (g.RelOf(c) != Rel.Appos || g.Upos(c) is not (UPos.NOUN or UPos.PROPN)) return false;
        for (int d = g.FirstChild(c); d >= 0; d = g.NextSibling(d))
            if (g.RelOf(d) == Rel.Conj && g.Upos(d) is UPos.NOUN or UPos.PROPN && g.Child(d, Rel.Cc) >= 0) return true;
        return false;
    }

    private void ResolveOne(DocumentContext ctx, in SentenceGraph g, int head, bool allowGeneric, List<ActorRef> into,
        int depth, List<ActorRef>? shared, string sharedRoles, List<ActorRef>? exclude)
    {
        var doc = ctx.Doc;
        var entities = doc.Entities;
        ref readonly var ht = ref doc.Tokens[head];

        // A named entity (or a pronoun or title that coreference resolved to one).
        int e = ctx.EntityAt[head];
        // "George Floyd, a man who died while a police officer restrained him": "him" inside a relative clause on a named
        // person is that person, whatever coreference guessed from the sentence's subject.
        // "a man who died while police restrained him" is the man (no actor of his own).
        // Only an object or oblique pronoun: a subject ("the child he says is his") is more often someone else.
        if (e >= 0 && g.Upos(head) == UPos.PRON && g.RelOf(head) is not (Rel.Nsubj or Rel.NsubjPass) && _w.PronounsPerson.Contains(g.Lemma(head))
            && RelativeClauseHost(g, head) is int host and >= 0
            && (ctx.EntityAt[host] is int he and >= 0 ? entities[he].Type == "PER"
                : g.Upos(host) == UPos.NOUN && _data.Agents.RoleOf(g, host) is not null))
        {
            ResolveOne(ctx, g, host, false, into, depth, null, "", exclude);
            return;
        }
        // "Labour leaders said they shut down all of Ecuador's industrial plants", "Labour Office President Heinrich Franke"
        // in a story on West Germany: a party the article ties to its country in no other way, in a story placed elsewhere,
        // is the labour movement or portfolio the word names, no actor the dictionaries know (IsStrayParty).
        if (e >= 0 && ctx.ActorEntity(e) is int stray and >= 0 && IsStrayPartyName(ctx, entities[stray])) return;
        if (e >= 0 && ctx.ActorEntity(e) is int ae and >= 0)
        {
            var m = entities[e];
            // "U.S. Special Representative for Afghanistan Reconciliation Zalmay Khalilzad": an organisation-like title
            // over a named person is that person, when the person has a code.
            if (m.Type == "ORG" && NameBelow(ctx, g, head) is int named and >= 0 && named != head)
            {
                int had = into.Count;
                ResolveOne(ctx, g, named, false, into, depth, null, "", exclude);
                if (into.Count > had) return;
            }
            string code = entities[ae].Actor!;
            // "Dagolath's Deputy Prime Minister Telemar", the name a bare country code: the title adds its role. A person
            // coded with a role of their own ("Donald Trump" USAGOV) keeps it, and a code that is no country ("IGO") takes none.
            if (OwnCountryPost(ctx, e, ae, code) is null && code.Length == 3 && _data.Countries.IsCountry(code)
                && (TitleRole(ctx, g, head, e) ?? HeadRoleBeyondName(ctx, g, head, e, ae)) is { } title) code = WithRoles(code, title);
            else code = TitledPersonCode(ctx, e, ae, code);
            // "Donald Trump" or "Prince Abdullah" in 1987, whom the knowledge base knows only before any office it dates (a bare
            // country, see KnowledgeBase.ActorCode) and the article titles by no post: what the person was is unknown, and a
            // bare country for a person is no actor of the event; the name and its pronouns stand for no one (issue 11).
            if (code.Length == 3 && UnknownRole(entities[ae])) return;
            string prefix = PrefixRoles(g, head);
            var actor = new ActorRef
            {
                Entity = e, Cluster = m.Cluster, Code = prefix + code, Name = entities[ae].Name ?? m.Name, Start = m.Start, End = m.End,
                Confidence = m.Confidence >= 1 ? 1 : Math.Max(0.5, m.Confidence), Token = head, Person = entities[ae].Type == "PER" && g.Upos(head) != UPos.PRON,
                PersonPronoun = entities[ae].Type == "PER" && g.Upos(head) == UPos.PRON && m.Cluster >= 0,
                KnownPerson = entities[ae].Type == "PER" && g.Upos(head) != UPos.PRON, Party = PartyOf(ctx, e, ae, code),
            };
            if (prefix.Length == 0 && NamesPartyItself(ctx, g, head, m, entities[ae].Name)) InOffice(ctx, ref actor, head);
            if (code.Contains('/')) AddJointActors(actor, prefix, code, into);
            else into.Add(actor);
            return;
        }

        // A person the knowledge base does not know, coded by the title the article gives them ("Interior Minister Joachim
        // Brudziński", and later "he").
        // ("U.S. Special Representative ... Zalmay Khalilzad": an organisation-like title over a named person is that person.)
        if (e >= 0 && ctx.TitledCode(e) is { } titled && !(entities[e].Type == "ORG" && NameBelow(ctx, g, head) >= 0))
        {
            var m = entities[e];
            into.Add(new ActorRef
            {
                Entity = e, Cluster = m.Cluster, Code = PrefixRoles(g, head) + titled, Name = m.Name ?? m.Text, Start = m.Start, End = m.End,
                Confidence = 0.75, Token = head, Person = m.Type == "PER" && g.Upos(head) != UPos.PRON, Party = ctx.TitleParty(e),
            });
            return;
        }

        // "we", "our" inside a quotation: its speaker.
        if (g.Upos(head) == UPos.PRON)
        {
            if (_w.PronounsFirst.Contains(g.Lemma(head)) && QuoteSpeaker(ctx, head, out var speaker)) into.Add(speaker);
            return;
        }

        // A person named under a title is the actor: "U.S. Special Representative for Afghanistan Reconciliation Zalmay Khalilzad";
        // also when the parser made the name a second subject beside its title ("Tory co-chairman Liam Fox said").
        if (g.Upos(head) is UPos.NOUN or UPos.PROPN && (NameBelow(ctx, g, head) is int below and >= 0 ? below : SiblingHolder(ctx, g, head)) is int person and >= 0)
        {
            int had = into.Count;
            ResolveOne(ctx, g, person, false, into, depth, null, "", exclude);
            if (into.Count > had) return;
            // "Mr Brown's former advisor Ed Balls", a known person of no known role: the holder is no actor, nor is Mr Brown.
            if (ctx.EntityAt[person] is int pe and >= 0 && ctx.ActorEntity(pe) is int pae and >= 0 && entities[pae].Actor?.Length == 3
                && UnknownRole(entities[pae])) return;
        }

        // An agent noun: its role on the actors among its modifiers, or alone. A spokesman is whom he speaks for.
        string? role = g.Upos(head) is UPos.NOUN or UPos.PROPN ? _data.Agents.RoleOf(g, head) : null;
        if (role is not null && _w.Spokespersons.Contains(g.Lemma(head))) role = "";
        if (role is not null && FormerAgent(g, head)) role = null;
        if (role is not null && PostBefore(ctx, g, head)) role = null;
        if (role is not null && !_data.Agents.IsPrefix(role))
        {
            var mods = new List<ActorRef>();
            ModifierActors(ctx, g, head, mods);
            string roles = ModifierRoles(g, head);
            if (mods.Count == 0 && shared is { Count: > 0 }) { mods = shared; if (roles.Length == 0) roles = sharedRoles; }
            roles += role;
            string prefix = PrefixRoles(g, head);
            if (mods.Count > 0)
            {
                // The party's own voice or rule ("Labour's spokesman", "the Labour government"), not its members ("Labour MPs").
                bool partyItself = prefix.Length == 0 && (role.Length == 0 || _w.PartyGovernmentNouns.Contains(g.Lemma(head)));
                foreach (var m in mods)
                {
                    if (into.Count >= MaxActors) break;
                    var a = m with
                    {
                        Code = prefix + PartyTitled(g, head, m, roles, role), Start = Math.Min(m.Start, ht.Start), End = Math.Max(m.End, ht.End), Confidence = 0.9, Token = head,
                    };
                    if (partyItself) InOffice(ctx, ref a, head);
                    into.Add(a);
                }
                return;
            }
            if (allowGeneric && g.Upos(head) == UPos.NOUN && roles.Length > 0)
            {
                // "Hong Kong police": a place modifier the linker gave no actor code still gives the country.
                string? country = role != PeopleRole ? ModifierPlaceCountry(ctx, g, head) : null;
                into.Add(new ActorRef
                {
                    Entity = -1, Cluster = -1, Code = PrefixRoles(g, head) + country + roles, Start = ht.Start, End = ht.End, Confidence = 0.6, Token = head,
                    UnknownPlace = country is null && role is "COP" or "MIL" && UnlinkedNameModifier(ctx, g, head),
                });
            }
            return;
        }

        // A name without an actor under a title: "Fornost President Umbardacil", "Ithilen's awful minister Calimehtar" are the
        // title's holder, coded as the title is ("Fornost President" -> FORGOV).
        if (g.Upos(head) == UPos.PROPN && role is null)
        {
            for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
            {
                if (c > head || !IsPrenominalTitleSlot(g, c) || _data.Agents.RoleOf(g, c) is not { } titleRole
                    || _data.Agents.IsPrefix(titleRole) || IsFormer(g, c) || IsQuoted(g, c)) continue;
                var mods = new List<ActorRef>();
                ModifierActors(ctx, g, c, mods);
                if (mods.Count == 0) ModifierActors(ctx, g, head, mods);
                if (mods.Count == 0) break;
                // The phrase runs to the end of the holder's name ("Tory spokesman David Davis", not "... David").
                int end = e >= 0 ? Math.Max(ht.End, entities[e].End) : ht.End;
                foreach (var m in mods)
                    if (into.Count < MaxActors)
                        into.Add(m with { Code = PartyTitled(g, c, m, titleRole, titleRole), Start = Math.Min(m.Start, ht.Start), End = Math.Max(m.End, end), Confidence = 0.85, Token = head });
                return;
            }
        }

        // Any other noun passes on the first actor among its modifiers ("the resumption of ties with X", "its embassy").
        if (depth >= MaxDepth || g.Upos(head) is not (UPos.NOUN or UPos.PROPN or UPos.NUM or UPos.X)) return;
        var found = new List<ActorRef>();
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (!CarriesActor(g, c, head, depth)) continue;
            // "deputy director", "deputy head": a title word qualifying another post is part of that post, not an agent
            // of its own (Phoenix's DEPUTY is a sheriff's deputy, COP).
            if (c < head && g.RelOf(c) is Rel.Compound or Rel.Amod && g.Upos(head) == UPos.NOUN && _w.TitleQualifiers.Contains(g.Lemma(c)))
            {
                ctx.Trace?.Step(ctx.Doc, c, $"'{ctx.TokenText(c)}' qualifies the post '{ctx.TokenText(head)}': no agent of its own");
                continue;
            }
            if (IsBlastPlace(ctx, g, c, head))
            {
                ctx.Trace?.Step(ctx.Doc, c, $"'{ctx.TokenText(c)}' names where the {ctx.TokenText(head)} went off, not who set it: no actor");
                continue;
            }
            // A generic agent deep inside a phrase ("the killing of two men") is what it stands for only one level down.
            found.Clear();
            ResolvePhrase(ctx, g, c, allowGeneric && depth == 0 && g.RelOf(c) != Rel.Poss, found, depth + 1, exclude);
            // "their resumption of ties with X" said by the "they": the next modifier names the other side.
            if (exclude is { Count: > 0 }) found.RemoveAll(a => IsExcluded(a, exclude));
            if (found.Count == 0) continue;
            foreach (var a in found)
                if (into.Count < MaxActors) into.Add(a with { Confidence = a.Confidence * 0.9 });
            return;
        }
    }

    /// <summary>Whether a person the knowledge base knows has no known role: coded only by the country (or "IGO") because no
    /// role of theirs is known on the date (before any office it dates, see KnowledgeBase.ActorCode).</summary>
    private static bool UnknownRole(EntityMention person) => person.Type == "PER" && person.RoleUnknown;

    /// <summary>A known person whose post the article ties to another country (FindTitles): that country and the post's
    /// role, or null.</summary>
    private static string? OwnCountryPost(DocumentContext ctx, int e, int ae, string code) =>
        ctx.Doc.Entities[ae].Type == "PER" && ctx.TitledCode(e) is { Length: > 3 } own
            && !own.StartsWith(code.AsSpan(0, Math.Min(3, code.Length)), StringComparison.Ordinal) ? own : null;

    /// <summary>The code of entity <paramref name="e"/> (coded <paramref name="code"/> through <paramref name="ae"/>) as the
    /// article's titles for the person decide: the post the article ties to another country (<see cref="OwnCountryPost"/>);
    /// for a person the knowledge base knows without an office, or in another government post than the article's title
    /// names, or whom the article titles by a party, the knowledge base's country and the title's role (see
    /// <see cref="TitleOverrides"/>); else <paramref name="code"/>. The same for the person's name, a pronoun resolved to
    /// them and a possessor ("his spokesman" speaks for the Finance Minister, not for the elite the knowledge base dates).</summary>
    private static string TitledPersonCode(DocumentContext ctx, int e, int ae, string code)
    {
        if (OwnCountryPost(ctx, e, ae, code) is { } own) return own;
        if (ctx.Doc.Entities[e].Type == "PER" && ctx.TitledCode(e) is { Length: > 3 } titledCode
            && TitleOverrides(code, titledCode[3..], ctx.HeldPosts.Contains(ctx.PersonKey(e))))
            return code[..3] + titledCode[3..];
        return code;
    }

    /// <summary>A place name before an explosive device or its going off is where it went off, not who set it (issue 11,
    /// GDELT's classic error): "Mokha, Yemen bomb kills ...", "Baghdad car bomb", "Kabul blast". A city, region or country
    /// named as a compound (or caseless modifier) of the device noun; "US air strike" and "Israeli raid" still name the
    /// attacker, and "Iraqi bomb" (a demonym adjective) and "Hamas bomb" (no place) keep theirs.</summary>
    private bool IsBlastPlace(DocumentContext ctx, in SentenceGraph g, int c, int head)
    {
        if (c > head || g.Upos(head) != UPos.NOUN || !_explosives.Contains(g.Lemma(head)) || g.Upos(c) != UPos.PROPN) return false;
        if (!(g.RelOf(c) is Rel.Compound or Rel.Flat || g.RelOf(c) == Rel.Nmod && g.CaseOf(c) < 0)) return false;
        int e = ctx.EntityAt[c];
        return e >= 0 && ctx.Doc.Entities[e].Type is "LOC" or "GPE" || ctx.PlaceAt(g, c) is not null;
    }

    /// <summary>A modifier that can hold the actor of the noun it modifies: possessor, compound, adjective (a demonym),
    /// flat name part, apposition, or a nominal modifier with an actor preposition ("of", "with", "by", "between"...).</summary>
    /// <summary>The actors of a head's modifiers after the first that gave <paramref name="into"/> its actors from <paramref name="from"/>.</summary>
    private void MoreModifierActors(DocumentContext ctx, in SentenceGraph g, int head, List<ActorRef> into, int from, int depth, List<ActorRef>? exclude)
    {
        var found = new List<ActorRef>();
        bool past = false;
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (!CarriesActor(g, c, head, depth)) continue;
            found.Clear();
            ResolvePhrase(ctx, g, c, false, found, depth + 1, exclude);
            if (found.Count == 0) continue;
            if (!past) { past = true; continue; }
            foreach (var a in found)
                if (into.Count < MaxActors && !into.Exists(x => SameActor(x, a))) into.Add(a with { Confidence = a.Confidence * 0.9 });
        }
    }

    /// <summary>Below the phrase's own head only actor prepositions pass an actor up: "the resumption of ties with X" is about
    /// X, but "half of the country's territory" is not about the country.</summary>
    private bool CarriesActor(in SentenceGraph g, int c, int head, int depth)
    {
        var r = g.RelOf(c);
        if (r is Rel.Nmod) return ClauseAnalyzer.HasCase(g, c, _w.ActorPreps) || depth == 0 && g.CaseOf(c) < 0 && c < head;
        if (depth > 0) return false;
        if (r is Rel.Poss or Rel.Compound or Rel.Flat or Rel.Appos) return true;
        if (r == Rel.Amod) return g.Upos(c) is UPos.ADJ or UPos.PROPN or UPos.NOUN;
        return false;
    }

    /// <summary>Named actors among the modifiers of an agent noun: "Afghan soldiers", "the government of Gondor", "Arnor's
    /// police", "soldiers from Gondor", "lawmakers in Fornost and Gondor".</summary>
    private void ModifierActors(DocumentContext ctx, in SentenceGraph g, int head, List<ActorRef> into)
    {
        Span<int> heads = stackalloc int[MaxActors];
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            bool fits = r is Rel.Poss or Rel.Compound or Rel.Amod or Rel.Flat or Rel.Appos
                || r == Rel.Nmod && (ClauseAnalyzer.HasCase(g, c, _w.ActorPreps) || ClauseAnalyzer.HasCase(g, c, _w.PlacePreps) || g.CaseOf(c) < 0);
            if (!fits) continue;
            // Agent words among the modifiers give roles, not actors ("security officials", "Islamist media"); the actor may
            // stand before them ("Danish Islamist media").
            if (r is Rel.Amod or Rel.Compound && ctx.EntityAt[c] < 0 && _data.Agents.RoleOf(g, c) is not null)
            {
                if (NestedModifierActors(ctx, g, c, head, into)) return;
                continue;
            }
            int count = into.Count;
            int n = Coordinated(g, c, heads);
            for (int i = 0; i < n; i++)
            {
                int e = ctx.EntityAt[heads[i]];
                if (e >= 0 && ctx.ActorEntity(e) is int ae and >= 0)
                {
                    if (!IsStrayPartyName(ctx, ctx.Doc.Entities[ae])) into.Add(NamedModifier(ctx, e, ae, heads[i]));
                }
                // A person the knowledge base does not know, coded by the title the article gives them, whose agent this is:
                // "his spokesman", "a spokesman for Governor Perpich" speaks for the office holder. Only the possessor or the
                // one the agent is "of" or "for" (not a name the parser hung on the noun: "the Lord Mayor candidate"), and not
                // an organisation the article's country codes through a title ("MITI officials" in an article on the U.S.).
                else if (e >= 0 && r is Rel.Poss or Rel.Nmod && ctx.Doc.Entities[e].Type == "PER" && ctx.TitledCode(e) is { } titled)
                    into.Add(TitledModifier(ctx, e, titled, heads[i]));
            }
            if (into.Count > count || NestedModifierActors(ctx, g, c, head, into)) return;
        }
    }

    /// <summary>Roles of agent words among a head's adjective and compound modifiers, in word order ("Islamist media" -> MUS).</summary>
    private string ModifierRoles(in SentenceGraph g, int head)
    {
        string roles = "";
        for (int c = g.FirstChild(head); c >= 0 && c < head; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Amod or Rel.Compound)) continue;
            if (_data.Agents.RoleOf(g, c) is { } r && !_data.Agents.IsPrefix(r) && r != PeopleRole && !_data.Agents.IsPartOfPhrase(g, head, c)) roles += r;
        }
        return roles;
    }

    /// <summary>The role of an agent title among a named head's own modifiers outside its name ("Deputy Prime Minister"
    /// before "Telemar"), or null.</summary>
    private string? TitleRole(DocumentContext ctx, in SentenceGraph g, int head, int entity)
    {
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (c > head || ctx.EntityAt[c] == entity || g.RelOf(c) is not (Rel.Compound or Rel.Flat or Rel.Amod or Rel.Appos)) continue;
            if (_data.Agents.RoleOf(g, c) is { } r && !_data.Agents.IsPrefix(r) && r != PeopleRole) return IsFormer(g, c) || IsQuoted(g, c) ? null : r;
        }
        return null;
    }

    /// <summary>"Birther King" Andy Martin: a title in quotation marks is a nickname, not an office.</summary>
    private static bool IsQuoted(in SentenceGraph g, int title)
    {
        for (int c = g.FirstChild(title); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Punct && QuoteMarks.Contains(g.Lemma(c))) return true;
        return false;
    }

    /// <summary>Quotation marks as the tokenizer writes them (straight, curly, PTB).</summary>
    internal static readonly HashSet<int> QuoteMarks = [StringStore.Intern("\""), StringStore.Intern("\u201C"), StringStore.Intern("\u201D"), StringStore.Intern("``"), StringStore.Intern("''")];

    /// <summary>"The secretary general of COB", "attorney general": a post word right before the agent noun makes one civil
    /// title with it, not the agent (GENERAL is military).</summary>
    private bool PostBefore(DocumentContext ctx, in SentenceGraph g, int head)
    {
        for (int c = g.FirstChild(head); c >= 0 && c < head; c = g.NextSibling(c))
            if (c == head - 1 && g.RelOf(c) is Rel.Compound or Rel.Amod && _w.PostsBeforeAgent.Contains(g.Lemma(c)))
            {
                ctx.Trace?.Step(ctx.Doc, head, $"'{ctx.TokenText(c)} {ctx.TokenText(head)}' is one civil post: no agent '{ctx.TokenText(head)}'");
                return true;
            }
        return false;
    }

    /// <summary>A title word right after a post word, however the parser hangs them ("FNSEA Secretary-General Luc Guyau",
    /// "Hans Roeher, secretary general of the European Chamber of Commerce"): one civil post, not the agent (GENERAL is
    /// military; issue 11, Reuters rounds 32-33: FRAMIL, PHLMIL): the post word before it, or -1. Such a title is no military
    /// one and, when the post word is one any organisation gives ("secretary", "director"), a post of the body it names
    /// (<see cref="IsBodyPost"/>).</summary>
    private int PostWordBefore(in SentenceGraph g, int c)
    {
        int p = c - 1;
        if (p > g.First && g.Upos(p) == UPos.PUNCT && StringStore.Get(g.Lemma(p)) == "-") p--;
        return p >= g.First && _w.PostsBeforeAgent.Contains(g.Lemma(p)) ? p : -1;
    }

    /// <summary>"former minister X", "the former minister", ""Birther King" X": the agent phrase's title was held before
    /// or is a nickname.</summary>
    private bool FormerAgent(in SentenceGraph g, int head)
    {
        if (IsFormer(g, head) || IsQuoted(g, head)) return true;
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Compound or Rel.Flat && c < head && (IsFormer(g, c) || IsQuoted(g, c))) return true;
        return false;
    }

    /// <summary>"former President", "ex-minister": a title held before, no role of office now.</summary>
    private bool IsFormer(in SentenceGraph g, int title)
    {
        for (int c = g.FirstChild(title); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Amod or Rel.Advmod or Rel.Compound && FormerWord(g.Lemma(c)) && !CoordinatedBetween(g, title, c))
                return true;
        // "Former welfare minister Frank Field": the word may hang on a modifier of the title before it.
        for (int c = g.FirstChild(title); c >= 0 && c < title; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Compound || CoordinatedBetween(g, title, c)) continue;
            for (int m = g.FirstChild(c); m >= 0 && m < c; m = g.NextSibling(m))
                if (g.RelOf(m) is Rel.Amod or Rel.Advmod && FormerWord(g.Lemma(m))) return true;
        }
        // "former Minnesota governor": the word may hang on the name instead, when the title is a modifier of the same phrase;
        // not across a conjunction ("former Eton pupil and joint leader of the hunt": the leader is now).
        int h = g.Head(title);
        if (h >= 0 && (g.RelOf(title) is Rel.Compound or Rel.Flat or Rel.Amod || g.RelOf(title) == Rel.Nmod && g.CaseOf(title) < 0 && title < h))
            for (int c = g.FirstChild(h); c >= 0 && c < title; c = g.NextSibling(c))
                if (g.RelOf(c) is Rel.Amod or Rel.Advmod && FormerWord(g.Lemma(c))) return true;
        return false;
    }

    /// <summary>A word of the list former_words, or one joined to the next word by a hyphen ("ex-Labour minister").</summary>
    private bool FormerWord(int lemma)
    {
        if (_w.FormerWords.Contains(lemma)) return true;
        string text = StringStore.Get(lemma);
        int dash = text.IndexOf('-');
        return dash > 0 && dash < text.Length - 1 && _w.FormerWords.Contains(StringStore.Intern(text[..dash]));
    }

    /// <summary>"a former Eton pupil and joint leader", parsed with "former" and "and" both on "leader": a coordinating
    /// conjunction of the title between the modifier and the title means the modifier belongs to an earlier conjunct.</summary>
    private static bool CoordinatedBetween(in SentenceGraph g, int title, int modifier)
    {
        for (int c = g.FirstChild(title); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Cc && c > Math.Min(title, modifier) && c < Math.Max(title, modifier)) return true;
        return false;
    }

    /// <summary>Prefix agents among the modifiers ("MSF Arnor" -> NGO before ARN), as PETRARCH's "NGO~" codes.</summary>
    private string PrefixRoles(in SentenceGraph g, int head)
    {
        string prefix = "";
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Amod or Rel.Compound or Rel.Flat)) continue;
            if (_data.Agents.RoleOf(g, c) is { } r && _data.Agents.IsPrefix(r)) prefix += r[..^1];
        }
        return prefix;
    }

    /// <summary>An actor code with agent roles added, each unless the code already ends with it ("USAGOV" + GOV = USAGOV).</summary>
    public static string WithRoles(string code, string roles)
    {
        for (int i = 0; i + 3 <= roles.Length; i += 3)
        {
            var r = roles.AsSpan(i, 3);
            if (!HasRole(code, r)) code += r.ToString();
        }
        return code;
    }

    /// <summary>The code already holds the role as one of its three-letter blocks after the first ("HGWGOVMED" has GOV and MED).</summary>
    private static bool HasRole(string code, ReadOnlySpan<char> role)
    {
        for (int i = 3; i + 3 <= code.Length; i += 3)
            if (code.AsSpan(i, 3).SequenceEqual(role)) return true;
        return code.Length == 3 && code.AsSpan().SequenceEqual(role);
    }

    /// <summary>A flat, compound or appositive child of <paramref name="t"/> (or one level below) inside a person's name
    /// that has an actor, or -1: "U.S. Special Representative for Afghanistan Reconciliation Zalmay Khalilzad".</summary>
    private static int NameBelow(DocumentContext ctx, in SentenceGraph g, int t)
    {
        var entities = ctx.Doc.Entities;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            // "Moazzam Begg's Labour MP Roger Godsiff": a possessor is whose MP he is, not the MP.
            if (IsPossessor(g, c)) continue;
            // A person's name before the noun modifies it ("Minas Tirith border police", a place the tagger took for a
            // person): the holder of a title follows it.
            if (r is Rel.Flat or Rel.Compound or Rel.Appos && !(r == Rel.Compound && c < t && g.Upos(t) == UPos.NOUN))
            {
                int e = ctx.EntityAt[c];
                if (e >= 0 && entities[e].Type == "PER" && ctx.HasActor(e)) return c;
            }
            if (r is Rel.Nmod or Rel.Compound or Rel.Flat && g.Upos(t) == UPos.PROPN)
            {
                for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
                {
                    if (g.RelOf(k) is not (Rel.Flat or Rel.Compound or Rel.Appos)) continue;
                    int e = ctx.EntityAt[k];
                    if (e >= 0 && entities[e].Type == "PER" && ctx.HasActor(e)) return k;
                }
            }
        }
        return -1;
    }

    /// <summary>Whether title <paramref name="c"/> of role <paramref name="role"/> is a post only a government gives
    /// ("minister", "chancellor": <see cref="CoderWords.GovernmentPosts"/>), so a party named with it is its holder's party,
    /// not their role ("Labour's deputy minister for women" is GOV; "Tory leader" the party's).</summary>
    private bool IsGovernmentPost(in SentenceGraph g, int c, string role) =>
        role.StartsWith(GovernmentRole, StringComparison.Ordinal) && _w.GovernmentPosts.Contains(g.Lemma(c));

    /// <summary>The code of actor <paramref name="m"/> named with title <paramref name="title"/> (its own role
    /// <paramref name="titleRole"/>, with its modifiers' <paramref name="roles"/>): a party with a government post is the
    /// government of its country ("Labour ministers", "Labour's deputy minister" GBRGOV, the party kept in
    /// <see cref="ActorRef.Party"/>; plain GOV: the agents dictionary reads "Labour minister" as a labour minister, GOVLAB);
    /// anything else as <see cref="AddRoles"/> codes it.</summary>
    private string PartyTitled(in SentenceGraph g, int title, in ActorRef m, string roles, string titleRole) =>
        m.Party is not null && m.Code.Length >= 3 && IsGovernmentPost(g, title, titleRole)
            ? m.Code[..3] + GovernmentRole : AddRoles(m.Code, roles);

    /// <summary>The named person right after subject <paramref name="t"/> that the parser made another subject of the same
    /// verb ("Tory co-chairman Liam Fox said", "co-chairman" and "Liam" both nsubj): the title's holder, when they have an
    /// actor; -1 otherwise.</summary>
    private static int SiblingHolder(DocumentContext ctx, in SentenceGraph g, int t)
    {
        int next = t + 1;
        if (g.RelOf(t) != Rel.Nsubj || next >= g.End || g.RelOf(next) != Rel.Nsubj || g.Head(next) != g.Head(t)) return -1;
        int e = ctx.EntityAt[next];
        return e >= 0 && ctx.EntityAt[t] < 0 && ctx.Doc.Entities[e].Type == "PER" && ctx.HasActor(e) ? next : -1;
    }

    /// <summary>A possessor: "Begg's" as the parser hangs it, by its relation or (as a compound) by its possessive marker.</summary>
    private static bool IsPossessor(in SentenceGraph g, int c)
    {
        if (g.RelOf(c) == Rel.Poss) return true;
        for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
            if (g.RelOf(k) == Rel.Case && g.Upos(k) == UPos.PART) return true;
        return false;
    }

    /// <summary>
    /// Records the titles of the sentence's persons that have no actor code: a title word in the name or before it
    /// ("Mayor Adamowicz", "Interior Minister Joachim Brudziński", "Polish President Andrzej Duda") or in apposition
    /// ("Paweł Adamowicz, mayor of Gdańsk"), with the country the title or the name's modifiers name. PETRARCH codes such a
    /// person by the agents dictionary alone; Parley adds the country (the article's when the sentence names none, see
    /// <see cref="EventCoder"/>). Bare "man", "woman", "resident" are no title.
    /// </summary>
    public void FindTitles(DocumentContext ctx, in SentenceGraph g)
    {
        var doc = ctx.Doc;
        for (int k = g.First; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (e < 0 || g.Upos(k) == UPos.PRON || doc.Entities[e].Type is not ("PER" or "ORG")) continue;
            // A person the knowledge base knows keeps its code, unless the title the article gives says more (TitleOverrides).
            int known = ctx.ActorEntity(e);
            if (known >= 0 && doc.Entities[e].Type != "PER") continue;
            int up = g.Head(k);
            if (up >= 0 && ctx.EntityAt[up] == e) continue; // once per mention, at its head
            int key = ctx.PersonKey(e);
            bool settled = ctx.Titles.TryGetValue(key, out var had) && had.Country is not null;
            if (settled && (doc.Entities[e].Type != "PER" || ctx.TitleParties.ContainsKey(key))) continue;
            if (TitleOf(ctx, g, k, e, out bool candidacy, out string? party, out string? how, out bool held, out bool ownCountry, predicates: known < 0) is not { } title) continue;
            // Only a name's own title: "the prime minister" that coreference joined to a person is no post the text gives them.
            held &= g.Upos(k) == UPos.PROPN;
            // "Labour's Chief Secretary Paul Boateng": the party his title names is his, for every mention of him (issue 11).
            if (party is not null && doc.Entities[e].Type == "PER") ctx.TitleParties.TryAdd(key, party);
            if (settled) continue;
            // "Mario Fernandez, executive director of the Costa Rican coffee institute": a post the article ties to another
            // country than that of the knowledge base's elite (no office on the date) of the name is a namesake's or a later
            // post's; the article's post decides country and role (issue 11, Reuters round 30: CHLELI).
            bool elsewhere = known >= 0 && !candidacy && title.Country is { } tc0 && _data.Countries.IsCountry(tc0)
                && !doc.Entities[known].Actor!.StartsWith(tc0, StringComparison.Ordinal) && KnownElite(ctx, e);
            // "Democratic presidential nominee Joe Biden": a candidacy leaves a known person the knowledge base's role.
            if (known >= 0 && !elsewhere && (candidacy || !TitleOverrides(doc.Entities[known].Actor!, title.Role, held))) continue;
            // A known person's country is the knowledge base's, whatever the article's, unless the sentence ties a country to the
            // post ("Indonesian Energy Minister Subroto", whom the knowledge base knows only as OPEC's later head, IGO), or the
            // knowledge base's code names no country and the title does. A bare code that is no country (a person the knowledge
            // base knows in no post on the date, "IGO") never takes a title's role as its own ("IGOGOV"): a title naming no
            // country is then the article's country's, as for a person the knowledge base does not know.
            if (known >= 0)
            {
                string kbCode = doc.Entities[known].Actor!, kb = kbCode[..3];
                bool kbCountry = _data.Countries.IsCountry(kb);
                if (title.Country is { } tc && _data.Countries.IsCountry(tc) && tc != kb && (ownCountry || !kbCountry || elsewhere))
                    ctx.Trace?.Step(doc, k, $"the post's own country {tc} over the knowledge base's {kb}");
                else if (!kbCountry && kbCode.Length == 3)
                {
                    // A title naming a country that is no better than none (the knowledge base's own non-country) is no post.
                    if (title.Country is not null) continue;
                }
                else title = (title.Role, kb);
            }
            if (had.Role is null || title.Country is not null)
            {
                ctx.Titles[key] = title;
                if (held && known >= 0 && ctx.HeldPosts.Add(key) && KnownElite(ctx, e))
                    ctx.Trace?.Step(doc, k, $"title by a present post over the knowledge base's elite: {title.Role}");
                ctx.Trace?.Step(doc, k, $"title by {how ?? "the title words of '" + ctx.TokenText(k) + "'"}: {title.Role} of {title.Country ?? "the article's country"}");
            }
        }
    }

    /// <summary>
    /// Whether the title an article gives a person the knowledge base knows decides the person's role: when the knowledge base
    /// gives no role (a bare country: "Tory co-chairman Liam Fox"), when the title names a party the person leads or speaks
    /// for ("Tory leader Michael Howard"), and when both are government posts: the post the article names is the one held
    /// at its time ("Trade and Industry Secretary Patricia Hewitt" is GOV, not the health post the knowledge base gives her
    /// on a later coding date), and a government post the article names over the knowledge base's legislator: an MP
    /// the knowledge base dates as a backbencher on the coding date held the post the article gives at its time ("Mr
    /// Blunkett, the home secretary" in an article before his resignation). Another role of the knowledge base stays: an
    /// elite ("Vice President Joe Biden" in 2020), unless the article names a present post of a minister's or a secretary's
    /// (<paramref name="held"/>: "Treasury Secretary James Baker" in 1987, whom the knowledge base dates as an elite and
    /// gives no post then; "Finance Minister Kiichi Miyazawa"), the military ("head of Iran's Quds Force"), the opposition ("Lib Dem
    /// leader Charles Kennedy", "leader" being GOV). A post the article says was held before ("former Irish president
    /// Mary Robinson") makes a person the knowledge base gives a government post an elite; a sitting MP ("former minister
    /// Clare Short", LEG) or opposition figure keeps that role.
    /// </summary>
    /// <param name="held">Whether the title is a present minister's or secretary's post (<see cref="IsHeldPost"/>).</param>
    private static bool TitleOverrides(string kbCode, string titleRole, bool held)
    {
        if (kbCode.Length == 3 || titleRole is "PTY" or "OPP") return true;
        var kbRole = kbCode.AsSpan(3);
        if (titleRole == FormerRole) return kbRole.StartsWith(GovernmentRole, StringComparison.Ordinal);
        return titleRole.StartsWith(GovernmentRole, StringComparison.Ordinal)
            && (kbRole.StartsWith(GovernmentRole, StringComparison.Ordinal) || kbRole.SequenceEqual(LegislatureRole)
                || held && kbRole.SequenceEqual(FormerRole));
    }

    private const string LegislatureRole = "LEG", OppositionRole = "OPP";

    /// <param name="predicates">Whether a title predicate of the person counts ("Adamowicz has been mayor since 1998"); not
    /// for a person the knowledge base knows, whose predicates describe more than offices ("Mr Blair has been a leading
    /// advocate of Turkish membership").</param>
    /// <param name="candidacy">Whether the title is a candidacy ("Lord Mayor candidate"), not an office.</param>
    /// <param name="party">The knowledge-base id of the party the title names ("Tory leader", "Lib Dem MP"), or null.</param>
    /// <param name="held">Whether the title is a present post of a minister's or a secretary's (<see cref="IsHeldPost"/>).</param>
    private (string Role, string? Country)? TitleOf(DocumentContext ctx, in SentenceGraph g, int head, int e, out bool candidacy,
        out string? party, out string? how, out bool held, out bool ownCountry, bool predicates = true)
    {
        candidacy = false;
        ownCountry = false;
        held = false;
        how = null;
        party = null;
        var m = ctx.Doc.Entities[e];
        int first = ctx.Doc.TokenAt(m.Start);
        if (first < 0) return null;
        int apposPost = m.Type == "ORG" ? -1 : AppositionPost(ctx, g, head, e);
        string? role = null, country = null, partyKb = null, found = null;
        bool isCandidacy = false, isHeld = false, tied = false;
        void Consider(DocumentContext ctx, in SentenceGraph g, int c, bool mayBeTitle, ActorResolver self)
        {
            // "Capt. Henry A. Duffy, president of the Air Line Pilots Association": a military rank before the name yields to
            // the post in apposition, whose body says whom the person speaks for (a union's, not MIL).
            if (mayBeTitle && role is null && self.TitleRoleOf(g, c) is { } r
                && !(c < first && apposPost >= 0 && r.StartsWith(MilitaryRole, StringComparison.Ordinal)))
            {
                // "Tory leader Michael Howard": the leader of a party is the party's, not the government's. A shadow post
                // ("Conservative shadow home secretary David Davis", OPP) is the opposition front bench's whatever its party.
                bool shadow = r == OppositionRole && AgentLexicon.IsShadowTitle(g, c);
                var below = self.PartyBelow(ctx, g, c, e);
                role = shadow ? r : below?.Role ?? r;
                partyKb = below?.Kb;
                if (country is null && self.CountryBelow(ctx, g, c, e) is { } named)
                {
                    country = named;
                    // "Indonesian Energy Minister Subroto", "Yugoslavia's finance minister": a country before the post word is the post's.
                    tied = self.CountryBelow(ctx, g, c, e, before: c) == named;
                }
                isCandidacy = self._w.CandidacyTitles.Contains(g.Lemma(c));
                // "EU Commission president X": the body the title names is whom X is; "BNP leader X", "PCS union leader X"
                // (a body no dictionary codes): X leads that body, not the government.
                if (role == r && !shadow && self.BodyOfTitle(ctx, g, c, e) is var (bodyFound, body, company))
                {
                    if (body is { } b) (role, country, tied) = (b[3..], b[..3], false);
                    // "Alex Taylor, president of SNC Group Inc": a company's officer is business, of the country found for it.
                    else if (company) role = BusinessRole;
                    // "Elliott Schlang, an analyst at Prescott Ball and Turben", "Mitsubishi Research Institute economist": an
                    // academic title (analyst, economist: EDU) held at a named body no dictionary codes is that body's, a
                    // business, unless the body is a school or university ("economist at Harvard University").
                    else if (bodyFound && r == EducationRole && !self.NamesEducationBody(ctx, g, c, e))
                        (role, found) = (BusinessRole, $"the named body of the post '{ctx.TokenText(c)}', no school");
                    // "a union official", "President of the American Federation of Government Employees", "president of the
                    // Cafe Peru group of cooperatives": a post of a union, a company or a cooperative is that body's, not the
                    // government's (a minister's post excepted).
                    else if (r.StartsWith(GovernmentRole, StringComparison.Ordinal) && !self._w.GovernmentPosts.Contains(g.Lemma(c))
                        && self.BodyRole(ctx, g, c, e) is { } bodyRole) (role, found) = (bodyRole, $"the body of the post '{ctx.TokenText(c)}'");
                    // "Rockwell International Corp continues to expect ..., President Donald Beall told Reuters", "President
                    // Howard Dean said ... the company will derive benefits": a post any organisation gives, of no country and
                    // no body named, in a sentence about a company is the company's.
                    else if (!bodyFound && m.Type == "PER" && r == GovernmentRole && country is null && self._w.OrganisationTitles.Contains(g.Lemma(c))
                        && !self.IsHeldPost(g, c) && !self.BodyWords(ctx, g, c, e) && (self.NamesCompany(ctx, g, e) || self.PreviousNamesCompany(ctx, g, e)))
                        (role, found) = (BusinessRole, $"a post ('{ctx.TokenText(c)}') in or after a sentence about a company");
                    // "U.S. Treasury Secretary James Baker", the department an organisation NER leaves uncoded: a minister's or
                    // secretary's post of a person the knowledge base knows only as an elite stays the government's.
                    else if (bodyFound && r == GovernmentRole && self._w.OrganisationTitles.Contains(g.Lemma(c))
                        && !(self.IsHeldPost(g, c) && KnownElite(ctx, e))) role = null;
                }
                isHeld = role is not null && self.IsHeldPost(g, c);
            }
            else if (mayBeTitle && role is null && self.FormerTitle(g, c))
            {
                // "former Irish president Mary Robinson", "Alastair Campbell, the former aide": a post held before is no office
                // now; the holder is an elite of the office's country, whatever role the knowledge base dates.
                role = FormerRole;
                country ??= self.CountryBelow(ctx, g, c, e);
            }
            else if (mayBeTitle && role is null && self.SpokespersonFor(ctx, g, c, e, predicates) is { } spoken)
            {
                // "Dedi Prasetyo, a spokesperson for the Indonesian National Police": whom the spokesperson speaks for.
                (role, country) = (spoken.Role, spoken.Country ?? country ?? self.CountryBelow(ctx, g, c, e));
                if (!self._w.Spokespersons.Contains(g.Lemma(c))) found = $"a post ('{ctx.TokenText(c)}') of the body named under it";
            }
            else if (c < first && country is null && self.CountryBelow(ctx, g, c, e) is { } before) (country, tied) = (before, true); // "Polish" in "Polish Interior Minister X"
        }
        // The words of the name, and what hangs before it. An organisation's own head noun is its title ("the Emergencies
        // Ministry"), a person's is their name.
        bool org = m.Type == "ORG";
        for (int k = first; k < g.End && ctx.EntityAt[k] == e; k++)
        {
            // "General Motors", "Data General Corp", "Marine Midland Banks": a word of an organisation's name that is an armed
            // force's title ("general", "marine") is no title when the name's head is none of its own (no armed force).
            if (k != head && !org || org && !(k != head && IsMilitaryWord(g, k) && TitleRoleOf(g, head) is null)) Consider(ctx, g, k, true, this);
            // Nearest the name first: a title's head word is its last ("deputy prime minister Mr Prescott", both "deputy" and
            // "minister" hanging on the name, is a minister).
            var children = new List<int>();
            for (int c = g.FirstChild(k); c >= 0; c = g.NextSibling(c)) children.Add(c);
            int before0 = children.FindLastIndex(c => c < first);
            if (before0 > 0) children.Reverse(0, before0 + 1);
            foreach (int c in children)
            {
                if (ctx.EntityAt[c] == e) continue;
                var r = g.RelOf(c);
                bool before = c < first && (r is Rel.Compound or Rel.Flat or Rel.Amod or Rel.Poss || r == Rel.Nmod && g.CaseOf(c) < 0);
                bool appos = r == Rel.Appos && k == head;
                // "Graciano Mijares of the police of the Autonomous Region": the body a person is "of" is their title.
                bool of = !org && r == Rel.Nmod && c > k && g.Upos(c) == UPos.NOUN && g.CaseOf(c) is int cs and >= 0 && g.Lemma(cs) == _w.Of;
                if (before || appos || of) Consider(ctx, g, c, r != Rel.Poss, this);
            }
        }
        // "the mayor, Paweł Adamowicz": the name in apposition to its title.
        // Not a possessor the parser hung there: "Moazzam Begg's Labour MP Roger Godsiff" is Godsiff's title, not Begg's.
        int gov = g.Head(head);
        if (gov >= 0 && g.RelOf(head) is Rel.Appos or Rel.Flat or Rel.Compound && IsNominal(g, gov) && ctx.EntityAt[gov] < 0 && !IsPossessor(g, head))
        {
            bool titled = role is not null;
            Consider(ctx, g, gov, true, this);
            if (!titled && role is not null) found ??= $"the noun the name hangs on ('{ctx.TokenText(gov)}')";
        }
        // "Adamowicz ... has been mayor since 1998": a person the subject of a title predicate (or of one conjoined with it).
        if (!org && predicates && role is null && gov >= 0 && g.RelOf(head) == Rel.Nsubj)
        {
            if (g.Child(gov, Rel.Cop) >= 0) Consider(ctx, g, gov, true, this);
            for (int c = g.FirstChild(gov); c >= 0 && role is null; c = g.NextSibling(c))
                if (g.RelOf(c) == Rel.Conj && g.Child(c, Rel.Cop) >= 0 && g.Child(c, Rel.Nsubj) < 0) Consider(ctx, g, c, true, this);
        }
        // "Sayam Bank president Waree Havanonda": a company named before a post it is the body of is business whatever the
        // post's own role (a government body keeps it: "Treasury Secretary", "CFTC Chairman").
        if (org && role is not null && role != BusinessRole && gov > head && g.RelOf(head) == Rel.Compound && IsCompany(ctx, g, first, e))
            (role, found, partyKb) = (BusinessRole, "a company's name with a post", null);
        candidacy = isCandidacy;
        ownCountry = tied && role is not null && country is not null;
        held = isHeld && !isCandidacy && role is not null && role.StartsWith(GovernmentRole, StringComparison.Ordinal);
        how = role is null ? null : found;
        party = role is null ? null : partyKb;
        return role is null ? null : (role, country);
    }

    private const string GovernmentRole = "GOV";
    internal const string EducationRole = "EDU";

    /// <summary>A title in apposition after the name whose head is <paramref name="head"/> and of a named organisation
    /// (<see cref="NamesOrganisationAfter"/>: "Henry A. Duffy, president of the Air Line Pilots Association"; not "Captain X, head of
    /// congressional security"), on the name or, as the parser may hang it, on the rank the name hangs on ("Capt."
    /// the head, the name flat on it); -1 when there is none.</summary>
    private int AppositionPost(DocumentContext ctx, in SentenceGraph g, int head, int e)
    {
        int up = g.Head(head);
        foreach (int x in (ReadOnlySpan<int>)[head, g.RelOf(head) is Rel.Flat or Rel.Compound && up >= 0 && up < head ? up : -1])
        {
            if (x < 0) continue;
            for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
                if (c > head && g.RelOf(c) == Rel.Appos && ctx.EntityAt[c] < 0 && g.Upos(c) == UPos.NOUN
                    && (TitleRoleOf(g, c) is not null || _w.OrganisationTitles.Contains(g.Lemma(c))) && NamesOrganisationAfter(ctx, g, c, x))
                    return c;
        }
        return -1;
    }

    /// <summary>Whether an organisation is named after post <paramref name="c"/> as a nominal with a preposition on it or on
    /// <paramref name="x"/>, the word it is in apposition to ("president of the Air Line Pilots Association", which the parser
    /// may hang on the name or its rank).</summary>
    private static bool NamesOrganisationAfter(DocumentContext ctx, in SentenceGraph g, int c, int x)
    {
        for (int k = c + 1; k < g.End; k++)
            if (ctx.EntityAt[k] is int o and >= 0 && ctx.Doc.Entities[o].Type == "ORG" && g.RelOf(k) == Rel.Nmod && g.CaseOf(k) >= 0
                && (g.Head(k) == c || g.Head(k) == x))
                return true;
        return false;
    }

    /// <summary>Whether a word of a school's name (<see cref="CoderWords.EducationBodies"/>) names the body of post
    /// <paramref name="title"/> (<see cref="InPostBody"/>).</summary>
    private bool NamesEducationBody(DocumentContext ctx, in SentenceGraph g, int title, int person)
    {
        for (int k = g.First; k < g.End; k++)
            if (k != title && ctx.EntityAt[k] != person && _w.EducationBodies.Contains(ctx.LowerForm(k)) && InPostBody(ctx, g, title, person, k))
                return true;
        return false;
    }

    /// <summary>Whether title word <paramref name="c"/> is a minister's or a secretary's post (<see cref="CoderWords.GovernmentPosts"/>,
    /// <see cref="CoderWords.CabinetPosts"/>: "Finance Minister", "Treasury Secretary", "acting prime minister"), not one
    /// held before ("former minister") or quoted.</summary>
    private bool IsHeldPost(in SentenceGraph g, int c) =>
        (_w.GovernmentPosts.Contains(g.Lemma(c)) || _w.CabinetPosts.Contains(g.Lemma(c))) && !IsFormer(g, c) && !IsQuoted(g, c);

    internal const string BusinessRole = "BUS";

    /// <summary>Whether mention <paramref name="e"/> is a person the knowledge base codes as an elite (no office) on the date.</summary>
    private static bool KnownElite(DocumentContext ctx, int e) =>
        ctx.ActorEntity(e) is int known and >= 0 && ctx.Doc.Entities[known].Actor is { Length: > 3 } code && code.AsSpan(3).SequenceEqual(FormerRole);

    /// <summary>An organisation named before a title word and under it ("EU Commission" in "EU Commission president"), or
    /// after it as the body the post is of ("president of Diamond Shamrock Corp", "attorney for Samjens"): (true, its code,
    /// false) when it has one that is an IGO or a country's body with a role (a company the knowledge base codes, MNCUSA,
    /// as the country's business, USABUS), (true, null, whether it is a company by its corporate form: "Inc", "Corp",
    /// coder-words.tsv company_forms) when it has none, (false, null, false) when no organisation (or only a bare country)
    /// is named there.</summary>
    private (bool Found, string? Code, bool Company) BodyOfTitle(DocumentContext ctx, in SentenceGraph g, int title, int person)
    {
        for (int k = g.First; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (k == title || e < 0 || e == person || ctx.Doc.Entities[e].Type != "ORG") continue;
            var actor = ctx.ActorEntity(e) is int ae and >= 0 ? ctx.Doc.Entities[ae].Actor : null;
            if (k > title && !(Under(g, title, k, 3) && BodyOfPost(g, title, k)))
            {
                // The parser's attachment of a post's body to the name the post is in apposition with ("Charles Blackburn,
                // president of Diamond Shamrock Corp": "Corp" on "Charles"): taken only for a company.
                if (OfHolder(ctx, g, k, person) && actor is null && IsCompany(ctx, g, k, e)) return (true, null, true);
                continue;
            }
            if (k < title && !Under(g, title, k, 3)) continue;
            if (actor is { } code)
            {
                if (IsStrayParty(ctx, code)) continue;
                if (code.Length >= 6 && code.StartsWith(MultinationalPrefix, StringComparison.Ordinal)) return (true, code[3..6] + BusinessRole, false);
                // A bare country ("UK" tagged as an organisation) is the title's country, found by CountryBelow.
                if (code.Length >= 6 || code.Length > 3 && code.StartsWith("IGO", StringComparison.Ordinal)) return (true, code, false);
                continue;
            }
            return (true, null, IsCompany(ctx, g, k, e));
        }
        return (false, null, false);
    }

    private const string MultinationalPrefix = "MNC";

    /// <summary>The role of a body outside government that post <paramref name="title"/> is held in, or null: a common noun
    /// of coder-words.tsv business_bodies (BUS) or labour_bodies (LAB) under the title ("a union official", "company
    /// president", "president of the union") or hanging on its holder as the parser may attach a post's body ("Justo Marin
    /// Ludena, president of the Cafe Peru group of cooperatives"); or an organisation no dictionary codes whose name ends in
    /// such a word or in an agent word of business, labour or agriculture ("American Federation of Government Employees",
    /// "United Auto Workers").</summary>
    private string? BodyRole(DocumentContext ctx, in SentenceGraph g, int title, int person)
    {
        for (int k = g.First; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (k == title || e >= 0 && e == person) continue;
            if (!InPostBody(ctx, g, title, person, k)) continue;
            if (e < 0)
            {
                // A capitalised body word the tagger calls a name and no recogniser marks ("Association president X") as well.
                if (g.Upos(k) is UPos.NOUN or UPos.PROPN && BodyNounRole(g.Upos(k) == UPos.NOUN ? g.Lemma(k) : ctx.LowerForm(k)) is { } nounRole) return nounRole;
                continue;
            }
            var m = ctx.Doc.Entities[e];
            if (m.Type != "ORG" || ctx.ActorEntity(e) >= 0) continue;
            int last = LastOf(ctx, g, k, e);
            // A name modifying a noun after it names no body of its own: "Zhejiang's Rural Industry department" is a department.
            if (g.Head(last) > last && ctx.EntityAt[g.Head(last)] != e && g.Upos(g.Head(last)) == UPos.NOUN) { k = last; continue; }
            if (BodyNounRole(ctx.LowerForm(last)) is { } nameRole) return nameRole;
            if (_data.Agents.RoleOf(g, last) is { } agentRole && agentRole is BusinessRole or LabourRole or AgricultureRole) return agentRole;
            k = last;
        }
        return null;
    }

    /// <summary>Whether post <paramref name="title"/> or the name of its holder <paramref name="person"/> has a word naming
    /// a body outside business that the post is of: under a nominal or adjectival modifier of the title ("central bank
    /// president", GOVBUS) or under a nominal with a preposition on the name ("Leonard Chivuno, president of the central
    /// bank", as the parser may attach it), an agent word of another role than business, labour or agriculture, or a coded
    /// actor that is no company.</summary>
    private bool BodyWords(DocumentContext ctx, in SentenceGraph g, int title, int person)
    {
        for (int k = g.First; k < g.End; k++)
        {
            if (k == title || ctx.EntityAt[k] >= 0 && ctx.EntityAt[k] == person) continue;
            if (!InPostBody(ctx, g, title, person, k)) continue;
            int e = ctx.EntityAt[k];
            if (e >= 0 && ctx.ActorEntity(e) is int ae and >= 0 && ctx.Doc.Entities[ae].Actor is { Length: > 3 } code && !IsBusinessCode(code)) return true;
            if (e < 0 && g.Upos(k) is UPos.NOUN or UPos.PROPN && _data.Agents.RoleOf(g, k) is { } r
                && r is not (BusinessRole or LabourRole or AgricultureRole) && !_data.Agents.IsPrefix(r)) return true;
        }
        return false;
    }

    /// <summary>Whether an actor code is a company's: a multinational (MNC...) or a country's business (USABUS).</summary>
    private static bool IsBusinessCode(string code) => CompanyNames.IsBusinessCode(code);

    /// <summary>Whether the sentence names a company besides <paramref name="person"/>: an organisation with a corporate
    /// form ("Rockwell International Corp") or that the knowledge base codes as a multinational, or a common noun of
    /// business_bodies ("the company").</summary>
    private bool NamesCompany(DocumentContext ctx, in SentenceGraph g, int person)
    {
        for (int k = g.First; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (e < 0)
            {
                if (g.Upos(k) == UPos.NOUN && _w.BusinessBodies.Contains(g.Lemma(k))) return true;
                continue;
            }
            if (e == person || ctx.Doc.Entities[e].Type != "ORG") continue;
            if (ctx.ActorEntity(e) is int ae and >= 0)
            {
                // A company by name, not an agent phrase's business ("the U.S. semiconductor industry", a common noun).
                if (ctx.Doc.Entities[ae].Actor is { } code && IsBusinessCode(code) && g.Upos(LastOf(ctx, g, k, e)) == UPos.PROPN) return true;
            }
            else if (IsCompany(ctx, g, k, e)) return true;
        }
        return false;
    }

    /// <summary>"... an Exxon Co USA executive said. Joe McMillan, a senior vice president, told Reuters": the sentence before
    /// the post's names a company (<see cref="NamesCompany"/>), and the post's own sentence names no country as a place (a demonym
    /// is no matter: "French state car group"; "President Leon Febres Cordero said ... Ecuador ..." after a sentence on an oil
    /// company is Ecuador's president).</summary>
    private bool PreviousNamesCompany(DocumentContext ctx, in SentenceGraph g, int person)
    {
        foreach (var p in ctx.Doc.Places)
            if (p.Role is null or PlaceRole.Place && p.FeatureCode is { } f && f.StartsWith("PCL", StringComparison.Ordinal)
                && ctx.Doc.TokenAt(p.Start) is int pt && pt >= g.First && pt < g.End)
                return false;
        int s = ctx.Doc.Tokens[g.First].Sentence;
        if (s <= 0 || ctx.Doc.Sentences[s - 1].EndToken <= ctx.Doc.Sentences[s - 1].FirstToken) return false;
        return NamesCompany(ctx, ctx.Graph(s - 1), person);
    }

    /// <summary>Whether token <paramref name="k"/> may name the body post <paramref name="title"/> is of: a word under the
    /// title before it ("union official") or after it through a preposition or a possessor ("president of the union"), or a
    /// nominal with a preposition on the holder's name after the title (the parser's attachment of "Justo Marin Ludena,
    /// president of the Cafe Peru group").</summary>
    private static bool InPostBody(DocumentContext ctx, in SentenceGraph g, int title, int person, int k) =>
        Under(g, title, k, 3) && (k < title || BodyOfPost(g, title, k)) || k > title && OfHolder(ctx, g, k, person);

    /// <summary>BUS for a word of business_bodies or trade_bodies, LAB for one of labour_bodies, else null.</summary>
    private string? BodyNounRole(int lemma) =>
        _w.BusinessBodies.Contains(lemma) || _w.TradeBodies.Contains(lemma) ? BusinessRole : _w.LabourBodies.Contains(lemma) ? LabourRole : null;

    private const string LabourRole = "LAB", AgricultureRole = "AGR";

    /// <summary>Whether <paramref name="k"/> hangs on the title's holder through a nominal modifier with a preposition.</summary>
    private static bool OfHolder(DocumentContext ctx, in SentenceGraph g, int k, int person)
    {
        for (int x = k, hops = 0; x >= 0 && hops < 3; x = g.Head(x), hops++)
            if (g.Head(x) >= 0 && ctx.EntityAt[g.Head(x)] == person) return g.RelOf(x) == Rel.Nmod && g.CaseOf(x) >= 0;
        return false;
    }

    /// <summary>Whether the organisation whose token <paramref name="k"/> is ends in a corporate form ("SNC Group Inc",
    /// "Samsung Co Ltd") or a company's name word (<see cref="IsCompanyNameHead"/>: "Sayam Bank").</summary>
    private bool IsCompany(DocumentContext ctx, in SentenceGraph g, int k, int e) => ctx.IsCompanyName(e) ||
        CompanyNames.IsCorporateForm(_w, ctx.TokenText(LastOf(ctx, g, k, e))) || IsCompanyNameHead(ctx, g, LastOf(ctx, g, k, e));

    /// <summary>Whether the last word of an organisation's name makes it a company (<see cref="CoderWords.CompanyNameHeads"/>:
    /// "Sayam Bank", "Philadelphia Stock Exchange"; not a one-word name, "the Bank" of an article on the World Bank or a
    /// central bank), unless the agents dictionary codes the name's phrase otherwise ("Central Bank", "National Bank": GOVBUS).</summary>
    private bool IsCompanyNameHead(DocumentContext ctx, in SentenceGraph g, int last) =>
        last > g.First && ctx.EntityAt[last - 1] == ctx.EntityAt[last] && _w.CompanyNameHeads.Contains(ctx.LowerForm(last))
        && _data.Agents.RoleOf(g, last) is null or BusinessRole;

    /// <summary>The last token of mention <paramref name="e"/> from its token <paramref name="k"/> on.</summary>
    private static int LastOf(DocumentContext ctx, in SentenceGraph g, int k, int e)
    {
        int last = k;
        while (last + 1 < g.End && ctx.EntityAt[last + 1] == e) last++;
        return last;
    }

    /// <summary>Whom a spokesperson title speaks for ("spokesperson for the provincial governor", "a spokesman for the
    /// Indonesian National Police"): the actor named under it (its role and country), else an agent noun under it (its
    /// role; the country is found by the caller); null for any other word, or a spokesperson for no one named. So for a
    /// post any organisation gives (<see cref="IsBodyPost"/>: "Gáspár Maróth, the Hungarian Government commissioner", "the
    /// head of the Czech police"), the body named before it or that it is "of", not a party's.</summary>
    /// <param name="posts">Whether posts count: for a person the knowledge base does not know ("Tory chairman Liam Fox",
    /// known as OPP, keeps that role and the accusations it codes).</param>
    private (string Role, string? Country)? SpokespersonFor(DocumentContext ctx, in SentenceGraph g, int title, int person, bool posts)
    {
        if (g.Upos(title) is not (UPos.NOUN or UPos.PROPN)) return null;
        bool post = !_w.Spokespersons.Contains(g.Lemma(title));
        if (post && (!posts || !IsBodyPost(g, title))) return null;
        for (int k = post ? g.First : title + 1; k < g.End; k++)
        {
            if (k == title || !Under(g, title, k, 3) || ctx.EntityAt[k] == person) continue;
            int e = ctx.EntityAt[k];
            if (e >= 0 && ctx.ActorEntity(e) is int ae and >= 0 && ctx.Doc.Entities[ae].Actor is { Length: >= 6 } code
                && (_data.Countries.IsCountry(code.AsSpan(0, 3)) || code.StartsWith("IGO", StringComparison.Ordinal)))
                // A party's post ("Lib Dem chairman", "UKIP's chairman") is left to the party titles (PartyBelow): measured on
                // BBC politics (recall5), most statements of party officers so coded were criticism read as plain 010.
                return post && IsPartyRole(code.AsSpan(3)) ? null : (code[3..], code[..3]);
            // A post's body named by an agent noun is one it is "of" ("head of the counter terror police"); an agent word
            // of the title itself ("deputy director", "director general") names no body.
            if (g.Upos(k) == UPos.NOUN && (!post || BodyOfPost(g, title, k)) && TitleRoleOf(g, k) is { } r) return (r, null);
        }
        return null;
    }

    /// <summary>A party's role code: a party (PTY) or the opposition (OPP).</summary>
    private static bool IsPartyRole(ReadOnlySpan<char> role) => role.StartsWith("PTY", StringComparison.Ordinal) || role.StartsWith(OppositionRole, StringComparison.Ordinal);

    /// <summary>Whether <paramref name="k"/> hangs under post <paramref name="title"/> as the body it is of: through a
    /// nominal modifier with a preposition ("head of the police") or a possessor ("the police's head").</summary>
    private static bool BodyOfPost(in SentenceGraph g, int title, int k)
    {
        for (int x = k; x >= 0 && x != title; x = g.Head(x))
            if (g.RelOf(x) == Rel.Nmod && g.CaseOf(x) >= 0 || IsPossessor(g, x)) return true;
        return false;
    }

    /// <summary>A post any organisation gives that is no agent title of its own ("head", "director", "commissioner"): its
    /// holder stands for the body the title names ("the head of the UK's counter terror police", "the Hungarian Government
    /// commissioner"), as a spokesperson does.</summary>
    private bool IsBodyPost(in SentenceGraph g, int title) =>
        (_w.OrganisationTitles.Contains(g.Lemma(title)) && _data.Agents.RoleOf(g, title) is null
            || PostWordBefore(g, title) is int p and >= 0 && _w.OrganisationTitles.Contains(g.Lemma(p))
                && _data.Agents.RoleOf(g, title) is { } r && r.StartsWith(MilitaryRole, StringComparison.Ordinal))
        && !IsFormer(g, title) && !IsQuoted(g, title);

    /// <summary>The role a title held before gives its holder ("former president"): an elite.</summary>
    private const string FormerRole = "ELI";

    /// <summary>Whether a title word is an office held before ("former president", "ex-minister"): an agent title (not a
    /// prefix, a spokesperson, a candidacy, a school's word ("a former Eton pupil") nor a bare person word) with a former
    /// word on it.</summary>
    private bool FormerTitle(in SentenceGraph g, int c) =>
        IsNominal(g, c) && !_w.Spokespersons.Contains(g.Lemma(c)) && !_w.CandidacyTitles.Contains(g.Lemma(c)) && !IsQuoted(g, c)
        && IsFormer(g, c) && _data.Agents.RoleOf(g, c) is { } r && !_data.Agents.IsPrefix(r) && r is not (PeopleRole or "CVL" or "EDU");

    /// <summary>The role of a title word, or null: an agent that is not a prefix, a spokesperson, nor a bare person word.</summary>
    /// <summary>Whether word <paramref name="c"/> is an armed force's title (MIL).</summary>
    private bool IsMilitaryWord(in SentenceGraph g, int c) => TitleRoleOf(g, c) is { } r && r.StartsWith(MilitaryRole, StringComparison.Ordinal);

    private const string MilitaryRole = "MIL";

    private string? TitleRoleOf(in SentenceGraph g, int c)
    {
        if (!IsNominal(g, c) || _w.Spokespersons.Contains(g.Lemma(c)) || IsFormer(g, c) || IsQuoted(g, c)) return null;
        var r = _data.Agents.RoleOf(g, c);
        if (r is not null && r.StartsWith(MilitaryRole, StringComparison.Ordinal) && PostWordBefore(g, c) >= 0) return null;
        return r is null || _data.Agents.IsPrefix(r) || r == PeopleRole || r == "CVL" ? null : r;
    }

    /// <summary>A noun, or a title the tagger took for an adjective but the parser uses as a noun phrase's head
    /// ("Chief Executive of Hong Kong Carrie Lam": "Executive" ADJ, the subject, with the name in apposition).</summary>
    private static bool IsNominal(in SentenceGraph g, int c) => g.Upos(c) is UPos.NOUN or UPos.PROPN
        || g.Upos(c) == UPos.ADJ && g.RelOf(c) is Rel.Nsubj or Rel.NsubjPass or Rel.Obj;

    /// <summary>The first country named in the phrase under <paramref name="top"/> (outside entity <paramref name="person"/>):
    /// a country actor ("Polish", "Russia's") or a geocoded place ("mayor of Gdańsk").</summary>
    /// <param name="before">Only tokens before this one count (a country named before a post word: "Indonesian Energy Minister").</param>
    private string? CountryBelow(DocumentContext ctx, in SentenceGraph g, int top, int person, int before = int.MaxValue)
    {
        // An organisation's own words may name its country first ("U.S. Special Representative"): a place among them wins.
        if (ctx.Doc.Entities[person].Type == "ORG")
            for (int k = g.First; k < g.End; k++)
                if (ctx.EntityAt[k] == person && ctx.PlaceAt(g, k)?.Country is { } own && _data.Countries.IsCountry(own)) return own;
        for (int k = g.First; k < g.End; k++)
        {
            if (k >= before) break;
            if (ctx.EntityAt[k] == person || !Under(g, top, k, 4)) continue;
            int e = ctx.EntityAt[k];
            if (e >= 0 && ctx.ActorEntity(e) is int ae and >= 0 && ctx.Doc.Entities[ae].Actor is { Length: >= 3 } code
                && _data.Countries.IsCountry(code.AsSpan(0, 3)) && !IsStrayParty(ctx, code))
                return code[..3];
            if (ctx.PlaceAt(g, k)?.Country is { } pc && _data.Countries.IsCountry(pc)) return pc;
        }
        return null;
    }

    /// <summary>The party role (PTY, OPP) of a party named in the title under <paramref name="top"/> ("Tory leader",
    /// "Labour's election chief") and its knowledge-base id (<see cref="PartyOf(EntityMention, string)"/>), or null.</summary>
    private (string Role, string? Kb)? PartyBelow(DocumentContext ctx, in SentenceGraph g, int top, int person)
    {
        for (int k = g.First; k < g.End; k++)
        {
            if (ctx.EntityAt[k] == person || !Under(g, top, k, 4)) continue;
            int e = ctx.EntityAt[k];
            if (e >= 0 && ctx.ActorEntity(e) is int ae and >= 0 && ctx.Doc.Entities[ae].Actor is { Length: >= 6 } code
                && IsPartyRole(code.AsSpan(3, 3)) && !IsStrayParty(ctx, code))
                return (code.Substring(3, 3), PartyOf(ctx.Doc.Entities[ae], code));
        }
        return null;
    }

    /// <summary>A party's code (PTY, OPP) whose country the article names in no other way, in an article placed in another
    /// country (<see cref="CountriesNamedApart"/>):
    /// "Labour Minister Jorge Egas", "Labour leaders in the Copperbelt", "Labour Office President Heinrich Franke" in stories
    /// on Ecuador, Zambia and West Germany are the labour portfolio or movement, not the British Labour party, which the
    /// dictionaries name "Labour" (issue 11, Reuters judges). Such a party is no title's body or country.</summary>
    private static bool IsStrayParty(DocumentContext ctx, string code) =>
        code.Length >= 6 && IsPartyRole(code.AsSpan(3, 3)) && CountriesNamedApart(ctx, code.AsSpan(0, 3)) is (false, true);

    /// <summary>A party's name (not a person the knowledge base codes with a party role, "Mr Howard" GBROPP) that
    /// <see cref="IsStrayParty"/> finds stray: no actor at all where it stands.</summary>
    internal static bool IsStrayPartyName(DocumentContext ctx, EntityMention m) =>
        m.Type != "PER" && m.Actor is { } code && IsStrayParty(ctx, code);

    /// <summary>Whether the article names <paramref name="country"/> otherwise than by a party of it (a place of it, an
    /// actor of it that is no party, or a person the knowledge base codes with a party role: "Tim Collins, the shadow
    /// education secretary", GBROPP), and whether it names a place of another country.</summary>
    private static (bool Own, bool Other) CountriesNamedApart(DocumentContext ctx, ReadOnlySpan<char> country)
    {
        bool other = false;
        foreach (var p in ctx.Doc.Places)
        {
            if (p.Country is not { Length: 3 } c) continue;
            if (country.SequenceEqual(c)) return (true, other);
            other = true;
        }
        foreach (var m in ctx.Doc.Entities)
            if (m.Actor is { Length: >= 3 } code && code.AsSpan(0, 3).SequenceEqual(country) && (m.Type == "PER" || !(code.Length >= 6 && IsPartyRole(code.AsSpan(3, 3)))))
                return (true, other);
        return (false, other);
    }

    /// <summary>Whether <paramref name="k"/> is in the title phrase under <paramref name="top"/>: within
    /// <paramref name="maxHops"/> heads, not through a clause or a conjunct ("Foreign Secretary Jack Straw, who accused the
    /// Tories": the Tories are not the party of his title, nor "Tory leader Michael Howard and Labour's X" one title).</summary>
    private static bool Under(in SentenceGraph g, int top, int k, int maxHops)
    {
        for (int x = k, hops = 0; x >= 0 && hops <= maxHops; x = g.Head(x), hops++)
        {
            if (x == top) return true;
            if (g.RelOf(x) is Rel.Relcl or Rel.Acl or Rel.Advcl or Rel.Ccomp or Rel.Xcomp or Rel.Csubj or Rel.Parataxis or Rel.Conj) return false;
        }
        return false;
    }

    /// <summary>The speaker of the quotation around <paramref name="token"/> when it has an actor code.</summary>
    private static bool QuoteSpeaker(DocumentContext ctx, int token, out ActorRef speaker)
    {
        speaker = default;
        var doc = ctx.Doc;
        ref readonly var td = ref doc.Tokens[token];
        foreach (var q in doc.Quotes)
        {
            if (q.Start > td.Start || q.End < td.End || !q.Direct) continue;
            int speakerEntity = q.SpeakerStart is int ss0 && doc.TokenAt(ss0) is int st0 and >= 0 ? ctx.EntityAt[st0] : -1;
            string? code = q.SpeakerActor ?? (speakerEntity >= 0 ? ctx.TitledCode(speakerEntity) : null);
            // A known speaker of no known role ("Trump" in 1987) speaks as the article titles him, else as no actor.
            if (code is { Length: 3 } && speakerEntity >= 0 && ctx.ActorEntity(speakerEntity) is int sae and >= 0 && UnknownRole(doc.Entities[sae]))
                code = ctx.TitledCode(speakerEntity) is { Length: > 3 } titled ? titled : null;
            if (code is null) continue;
            speaker = new ActorRef
            {
                Entity = -2, Cluster = -1, Code = code, Name = q.SpeakerName, Start = td.Start, End = td.End, Confidence = 0.7, Token = token,
            };
            // The speaker's own entity mention, when it is one, keeps actor identity for "same actor" checks.
            if (q.SpeakerStart is int ss)
            {
                int st = doc.TokenAt(ss);
                if (st >= 0 && ctx.EntityAt[st] is int se and >= 0) { speaker.Entity = se; speaker.Cluster = doc.Entities[se].Cluster; }
            }
            return true;
        }
        return false;
    }

    /// <summary>The country of a place among the modifiers of an agent noun ("Hong Kong police", "the army of Mali"), or null.</summary>
    private string? ModifierPlaceCountry(DocumentContext ctx, in SentenceGraph g, int head)
    {
        if (ctx.Doc.Places.Count == 0) return null;
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Compound or Rel.Amod or Rel.Poss or Rel.Nmod)) continue;
            if (ctx.PlaceAt(g, c)?.Country is { } country && _data.Countries.IsCountry(country)) return country;
        }
        return null;
    }

    /// <summary>The noun a relative clause holding <paramref name="pronoun"/> qualifies, or the name it is in apposition to
    /// ("George Floyd, a man who died while an officer restrained him": Floyd); -1 when there is none or the
    /// pronoun's clause has the relative pronoun as its subject ("Smith, who met Jones and praised him": not Smith).</summary>
    private int RelativeClauseHost(in SentenceGraph g, int pronoun)
    {
        int x = g.Head(pronoun);
        // Until a clause with a subject of its own, the pronoun's clause shares the subject of the clause above it.
        bool ownSubjectFound = false;
        for (int hops = 0; x >= 0 && hops < 4; hops++)
        {
            if (!ownSubjectFound && g.Child(x, Rel.Nsubj) is int s and >= 0)
            {
                if (_w.RelativePronouns.Contains(g.Lemma(s))) return -1;
                ownSubjectFound = true;
            }
            var r = g.RelOf(x);
            if (r == Rel.Relcl)
            {
                int noun = g.Head(x);
                if (noun < 0) return -1;
                return g.RelOf(noun) == Rel.Appos && g.Head(noun) is int named and >= 0 && g.Upos(named) == UPos.PROPN ? named : noun;
            }
            if (r is not (Rel.Advcl or Rel.Ccomp or Rel.Xcomp or Rel.Conj)) return -1;
            x = g.Head(x);
        }
        return -1;
    }

    /// <summary>A proper-noun modifier inside a named entity without an actor code ("West Yorkshire" in "West Yorkshire
    /// police"): a place or body the linker does not know.</summary>
    private static bool UnlinkedNameModifier(DocumentContext ctx, in SentenceGraph g, int head)
    {
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
            if (c < head && g.RelOf(c) == Rel.Compound && g.Upos(c) == UPos.PROPN && ctx.EntityAt[c] is int e and >= 0
                && ctx.Doc.Entities[e].Type is "LOC" or "MISC" or "GPE" && !ctx.HasActor(e))
                return true;
        return false;
    }

    public static bool SameActor(in ActorRef x, in ActorRef y)
    {
        // Two persons by different names in different clusters ("Johnson asked Queen Elizabeth II", both GBRGOV) are two
        // actors; one code is one side only for countries and organisations.
        // So are a pronoun the resolver linked to one person and a person the knowledge base knows named here in another
        // cluster ("he [Blair] heaped praise on Mr Brown"); not one coded only by a title ("he met President George W Bush",
        // unlinked, given the article's PAKGOV by the title: the code is a guess; issue 11).
        if ((x.Person && y.Person || x.PersonPronoun && y.KnownPerson || x.KnownPerson && y.PersonPronoun) && x.Entity != y.Entity && (x.Cluster < 0 || x.Cluster != y.Cluster) && x.Name is not null && y.Name is not null
            && !string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase)) return false;
        return SameSide(x, y);
    }

    /// <summary>A named party itself (an organisation coded as its country's PTY, not a person titled by it) on the coding
    /// date (the article's, else the one given) while the knowledge base says it governs: its country's government, as
    /// CAMEO codes governing parties and coalition partners (GBRPTY -> GBRGOV for Labour in 2005; issue 11). Its members
    /// keep their roles: the caller asks only for the party's name, its government and its spokesman.</summary>
    private void InOffice(DocumentContext ctx, ref ActorRef a, int token)
    {
        if (a.Generic || a.Code is not { Length: 6 } code || !code.EndsWith("PTY", StringComparison.Ordinal)
            || ctx.ActorEntity(a.Entity) is not (int ae and >= 0) || PartyOf(ctx.Doc.Entities[ae], code) is not { } party
            || _data.Governments.InOffice(party, ctx.Doc.Published) is not { } gov || !gov.StartsWith(code.AsSpan(0, 3), StringComparison.Ordinal)) return;
        ctx.Trace?.Step(ctx.Doc, token, $"'{a.Name}' is the party in office at {ctx.Doc.PublishedText}: {code} -> {gov}");
        a.Code = gov;
        a.InOffice = true;
    }

    /// <summary>Whether mention <paramref name="m"/> headed by <paramref name="head"/> names a party itself (its name, "the
    /// party", "they", "a Labour Party spokesman"), not one of its members ("Labour MSP" as one name, whose head is no word
    /// of the party's name <paramref name="name"/>) nor a thing or person it modifies ("Labour peer", "Labour backbencher").</summary>
    private bool NamesPartyItself(DocumentContext ctx, in SentenceGraph g, int head, EntityMention m, string? name)
    {
        // A pronoun is left its party code: coreference gives the party pronouns that stand for its members, its plans or
        // another party ("Labour and the Tories have attacked his policies ... Inevitably they insist").
        if (g.Upos(head) == UPos.PRON) return false;
        // "The Labour party" with the mention "Labour" on "party": a word of the party's own name is the party.
        if (g.RelOf(head) is Rel.Compound or Rel.Flat)
            return g.Head(head) is int up and >= 0 && ctx.EntityAt[up] < 0 && NameWord(ctx, up, name);
        int first = ctx.Doc.TokenAt(m.Start);
        if (first >= 0 && first < head && g.Upos(first) == UPos.DET) first++;
        return head == first || _w.Spokespersons.Contains(g.Lemma(head)) || _w.PartyGovernmentNouns.Contains(g.Lemma(head))
            || NameWord(ctx, head, name);
    }

    /// <summary>Whether token <paramref name="t"/> (without a plural s) starts a word of the party's name <paramref name="name"/>:
    /// "the Labour Party", "the Lib Dems" ("Dem" of "Democrats"); not "Labour MSP", nor "Conservative conference".</summary>
    private static bool NameWord(DocumentContext ctx, int t, string? name)
    {
        var word = ctx.TokenText(t).AsSpan().TrimEnd('s');
        if (name is null || word.Length < 3) return false;
        foreach (var part in name.Split(' '))
            if (part.AsSpan().StartsWith(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The knowledge-base id of an organisation the dictionaries code as a party (<see cref="ActorRef.Party"/>), with
    /// or without a role after it ("Lib Dem MP" linked as the party, GBRPTYLEG), else null.</summary>
    internal static string? PartyOf(EntityMention entity, string code) =>
        entity.Type == "ORG" && code.Length >= 6 && code.AsSpan(3, 3).SequenceEqual("PTY") && entity.Kb is { } kb ? kb : null;

    /// <summary>The party of entity <paramref name="e"/> coded through <paramref name="ae"/> as <paramref name="code"/>: a
    /// named party's own id, or the party a person's title names ("Labour's Chief Secretary Paul Boateng", and "he").</summary>
    internal static string? PartyOf(DocumentContext ctx, int e, int ae, string code) =>
        PartyOf(ctx.Doc.Entities[ae], code) ?? (ctx.Doc.Entities[ae].Type == "PER" ? ctx.TitleParty(e) : null);

    /// <summary>Two named parties of one code (<see cref="ActorRef.Party"/>), one of them resolved or excluded with
    /// Resolve's partiesApart: two sides, and two actors.</summary>
    private static bool PartiesApart(in ActorRef x, in ActorRef y) =>
        (x.OtherPartiesApart || y.OtherPartiesApart) && x.Party is not null && y.Party is not null && x.Party != y.Party;

    /// <summary>One side: the same entity or cluster, or one actor code ("Gondor ... their meeting"; two ministers of one
    /// government attending a summit together do not meet each other).</summary>
    public static bool SameSide(in ActorRef x, in ActorRef y)
    {
        // Two agents of one country ("Russian police arrested Russian students") are two actors. A party in office is a party
        // here, as before it was coded GOV (GBRPTY): the sides of its own speakers and of other parties stay as they were.
        if (x.Code != y.Code && AsParty(x) != AsParty(y)) return false;
        // Two named parties of one country ("the Tories say Labour's plans have failed") are two sides where asked (issue 11).
        if (PartiesApart(x, y)) return false;
        if (x.Entity >= 0 && x.Entity == y.Entity) return true;
        if (x.Cluster >= 0 && x.Cluster == y.Cluster) return true;
        if (x.Start == y.Start && x.End == y.End) return true;
        // Two mentions of one named actor code ("Gondor ... their meeting" resolved to Gondor): the same side.
        return !x.Generic && !y.Generic;
    }

    /// <summary>The party code of a party in office (<see cref="ActorRef.InOffice"/>: GBRGOV -> GBRPTY), else the code.</summary>
    internal static string AsParty(in ActorRef a) => a.InOffice ? string.Concat(a.Code.AsSpan(0, 3), "PTY") : a.Code;

    public bool HasCountry(in ActorRef a) => a.Code.Length >= 3 && _data.Countries.IsCountry(a.Code.AsSpan(0, 3));
}
