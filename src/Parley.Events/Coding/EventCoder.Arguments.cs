using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

public sealed partial class EventCoder
{
    private const int PartnerLookBack = 3;

    /// <summary>Where a verb's arguments are looked for, and which heads gave its source and target.</summary>
    private struct Arguments(int trigger, int clause, int complement, VerbMatch match, VerbPattern? pattern, int eventObject, bool rootNounSlip, bool verbalObject = false, bool actNoun = false)
    {
        /// <summary>The event object is an act noun a carrier verb carries ("sent condolences to X"): the target is in its
        /// own or the verb's target phrase.</summary>
        public readonly bool ActNoun = actNoun;
        /// <summary>The event object is what was said or decided ("attacked the proclamation by X"): its actor is the target.</summary>
        public readonly bool VerbalObject = verbalObject;
        public readonly int Trigger = trigger;
        public readonly int Clause = clause;
        public readonly int Complement = complement;
        public readonly VerbMatch Match = match;
        public readonly VerbPattern? Pattern = pattern;
        public readonly int EventObject = eventObject;
        public readonly bool RootNounSlip = rootNounSlip;
        public int SourceHead = -1;
        public int TargetHead = -1;
    }

    /// <summary>
    /// The source and target actors of a verb. Source: the pattern's phrase, else the passive's by-agent or the subject
    /// (its own, or inherited through coordination, control and relative clauses), with repairs of parser slips. Target:
    /// the pattern's phrase, else the passive subject, the object, a phrase with a target preposition, or the subject of a
    /// clausal complement ("believes Dagolath and Osgiliath can cope"), the first of these that names an actor. Returns
    /// false (traced) when there is no source.
    /// </summary>
    private bool FindArguments(DocumentContext ctx, in SentenceGraph g, ref Arguments a, List<ActorRef> sources, List<ActorRef> targets, string code)
    {
        var doc = ctx.Doc;
        var trace = ctx.Trace;
        int t = a.Trigger;
        var m = a.Match;
        bool passive = ClauseAnalyzer.IsPassive(g, t);
        // "He is scheduled / expected to meet X": a passive governor without a by-agent passes its subject to the complement,
        // which is then an active clause.
        if (passive && a.Complement >= 0 && _clauses.PassiveAgent(g, t) < 0 && !ClauseAnalyzer.IsPassive(g, a.Complement) && ClauseAnalyzer.HasToMark(g, a.Complement))
            passive = false;
        var srcRole = a.Pattern?.SourceRole ?? ArgumentRole.Default;
        var tgtRole = a.Pattern?.TargetRole ?? ArgumentRole.Default;

        int src = srcRole switch
        {
            ArgumentRole.Preposition => m.SourceToken,
            ArgumentRole.Object => ClauseAnalyzer.DirectObject(g, a.Clause),
            ArgumentRole.Subject => PatternSubject(g, t, passive),
            // "Gondor's minister noted that Cirith Ungol regretted ..." (NOTED + *): the pattern's target is the subject, so the
            // source is the subject of the clause above.
            _ when tgtRole == ArgumentRole.Subject && !passive => GoverningSubject(g, t),
            _ => passive ? _clauses.PassiveAgent(g, t) : _clauses.SubjectOf(g, a.Complement >= 0 && ClauseAnalyzer.IsPassive(g, t) ? a.Complement : t),
        };
        if (src < 0 && a.RootNounSlip && srcRole == ArgumentRole.Default) src = g.Head(t);
        bool reporter = false;
        if (src >= 0 && srcRole == ArgumentRole.Default && ReportingSubject(ctx, g, src, t) is int speaker and >= 0)
        {
            trace?.Step(doc, t, "'" + ctx.TokenText(src) + "' in what '" + ctx.TokenText(speaker) + "' reports is the reporter");
            src = speaker;
            reporter = true;
        }
        // "Fornost and the evil awful Gondor welcomed", a coordination the parser split into two subjects, is one list
        // (ActorResolver.AddSplitSubjectList).
        if (src >= 0 && !ctx.IsDate(src)) _actors.Resolve(ctx, g, src, false, sources);
        // "West Yorkshire police confirmed they had arrested": the pronoun already stood for the reporter, whose generic
        // agent noun is resolved below; taking the pronoun back as an alternate subject would undo that.
        if (sources.Count == 0 && srcRole == ArgumentRole.Default && !passive && !reporter)
        {
            // Parser slips: two subjects, a time noun as subject, a fronted phrase swallowing the subject, a vocative subject.
            int alt = AlternateSubject(ctx, g, a.Complement >= 0 && ClauseAnalyzer.IsPassive(g, t) ? a.Complement : t, src);
            if (alt >= 0 && _actors.Resolve(ctx, g, alt, false, sources) > 0)
            {
                trace?.Step(doc, t, "subject '" + (src >= 0 ? ctx.TokenText(src) : "-") + "' has no actor: took '" + ctx.TokenText(alt) + "'");
                src = alt;
            }
        }
        if (sources.Count == 0 && src >= 0 && !ctx.IsDate(src)) _actors.Resolve(ctx, g, src, true, sources);
        a.SourceHead = src;
        if (sources.Count == 0)
        {
            trace?.Dropped(doc, t, code, src < 0 ? "no source argument" : "source '" + ctx.TokenText(src) + "' has no actor code");
            return false;
        }

        if (a.EventObject >= 0)
        {
            // A verbal object that names an actor itself is the target ("called Trump a clown"); else whose word it is.
            int nt = a.ActNoun ? ActNounTarget(ctx, g, a.EventObject, t, sources)
                : !a.VerbalObject ? NounTarget(g, a.EventObject)
                : ctx.EntityAt[a.EventObject] >= 0 && ctx.HasActor(ctx.EntityAt[a.EventObject]) ? a.EventObject
                : VerbalTarget(ctx, g, a.EventObject, sources);
            if (nt >= 0) { _actors.Resolve(ctx, g, nt, false, targets); a.TargetHead = nt; }
        }
        else
        {
            Span<int> candidates = stackalloc int[12];
            int k = 0;
            switch (tgtRole)
            {
                case ArgumentRole.Preposition:
                    if (a.Complement < 0) candidates[k++] = m.TargetToken;
                    break;
                case ArgumentRole.Subject:
                    candidates[k++] = PatternSubject(g, t, passive);
                    break;
                case ArgumentRole.Object:
                    candidates[k++] = ClauseAnalyzer.DirectObject(g, a.Clause);
                    break;
                default:
                    if (passive) candidates[k++] = ClauseAnalyzer.PassiveSubject(g, t);
                    else k = TargetCandidates(ctx, g, a.Clause, t, candidates, code);
                    break;
            }
            // Disapproval or praise of another party ("Labour hit back at the Tory proposals"): two named parties of one code
            // (GBRPTY) are two sides (issue 11).
            bool partiesApart = CameoOntology.RootOf(code) == 11 || code == "051";
            // Named actors first; a generic agent ("police") only when no candidate names one.
            for (int pass = 0; pass < 2 && targets.Count == 0; pass++)
            {
                for (int i = 0; i < k && targets.Count == 0; i++)
                {
                    int c = candidates[i];
                    if (c < 0 || c == src || ctx.IsDate(c)) continue;
                    // "Police confirmed they had arrested a man": the pronoun is the reporter itself, the source, not its target.
                    if (src >= 0 && g.Head(c) >= 0 && ReportingSubject(ctx, g, c, g.Head(c)) == src) continue;
                    // The subject of a clausal complement is a target only when it names an actor itself.
                    // (A displaced object the parser made a subject of the reporting verb is the object: ClauseAnalyzer.DirectObject.)
                    bool deep = g.RelOf(c) is not (Rel.Nsubj or Rel.NsubjPass) || g.Head(c) == t || c == ClauseAnalyzer.DirectObject(g, a.Clause);
                    if (_actors.Resolve(ctx, g, c, pass == 1, targets, deep, sources, colleagues: false, partiesApart: partiesApart) > 0) a.TargetHead = c;
                }
            }
            if (targets.Count == 0 && _petrarch && tgtRole == ArgumentRole.Default && !passive)
            {
                // PETRARCH's reading: the first actor after the verb in its phrase ("appealed for peace in Ithilen").
                int first = FirstActorAfter(ctx, g, t, sources);
                if (first >= 0 && _actors.Resolve(ctx, g, first, false, targets, true, sources) > 0) a.TargetHead = first;
            }
            // "The officials told reporters Baldrige had serious concerns": the press a verb of telling addresses is the
            // channel, not the target (as for statements: CodeStatements).
            if (targets.Count > 0 && _w.AddresseeVerbs.Contains(g.Lemma(t)) && targets.TrueForAll(x => IsMedia(x.Code)))
            {
                trace?.Step(doc, t, "'" + ctx.TokenText(a.TargetHead) + "' is the press told: the channel, not the target");
                targets.Clear();
                a.TargetHead = -1;
            }
            int objectHead = ClauseAnalyzer.DirectObject(g, a.Clause);
            // "attacked the government's failure", "condemned ministers' handling of ...": disapproval of what a body did
            // is disapproval of that body, a described one too (its country: Emit), not only a named possessor.
            if (targets.Count == 0 && !_petrarch && objectHead >= 0 && CameoOntology.RootOf(code) is >= 11 and <= 13
                && g.Child(objectHead, Rel.Poss) is int owner and >= 0 && g.Upos(owner) == UPos.NOUN && owner != src
                && _actors.Resolve(ctx, g, owner, true, targets, false, sources) > 0)
            {
                a.TargetHead = owner;
                trace?.Step(doc, t, "disapproval of what '" + ctx.TokenText(owner) + "' did: it is the target");
            }
            if (targets.Count == 0 && k > 0) a.TargetHead = candidates[0];
            if (targets.Count == 0 && objectHead >= 0 && _w.NegotiationNouns.Contains(g.Lemma(objectHead)) && NegotiationNounWithoutPartner(g, objectHead))
            {
                // "canceled the talks": the talks are those with the partner named last ("nine rounds of talks with the Taliban").
                if (NegotiationPartner(ctx, g, doc.Tokens[t].Sentence, objectHead, sources[0], out var partner))
                {
                    targets.Add(partner with { Confidence = partner.Confidence * 0.8 });
                    a.TargetHead = objectHead;
                    trace?.Step(doc, t, "'" + ctx.TokenText(objectHead) + "' refers back to talks with '" + partner.Name + "'");
                }
            }
        }
        return true;
    }

    /// <summary>A pattern's actor marker before the verb ("+ WAS * DEAD IN $"): the phrase before the verb, the passive's
    /// subject in a passive ("An Eriadorian was shot dead in Osgiliath"), else the subject.</summary>
    private int PatternSubject(in SentenceGraph g, int t, bool passive) =>
        passive && ClauseAnalyzer.PassiveSubject(g, t) is int s and >= 0 ? s : _clauses.SubjectOf(g, t);

    /// <summary>The subject of the clause above <paramref name="t"/> other than its own ("Falastur noted that Cirith Ungol
    /// regretted": Falastur); -1 if none.</summary>
    private int GoverningSubject(in SentenceGraph g, int t)
    {
        int own = _clauses.SubjectOf(g, t);
        for (int x = g.Head(t), hops = 0; x >= 0 && hops < 4; x = g.Head(x), hops++)
        {
            if (g.Upos(x) is not (UPos.VERB or UPos.AUX)) continue;
            int s = _clauses.SubjectOf(g, x);
            if (s >= 0 && s != own) return s;
        }
        return -1;
    }

    /// <summary>Target candidates of an active clause in order: object (and indirect object), a phrase with a target
    /// preposition (not a date, not a mere place), an object's passive-participle agent ("condemned the sanctions imposed by
    /// the EU"), then the subject of a clausal complement for a code that is not a statement.</summary>
    private int TargetCandidates(DocumentContext ctx, in SentenceGraph g, int clause, int t, Span<int> into, string code)
    {
        int k = 0;
        // "urged Eriador to respond to Gondor's proposals": the one urged is the target, before the complement's phrases.
        bool controlled = ClauseAnalyzer.IsObjectControlled(g, clause, t);
        for (int pass = 0; pass < 2 && k < into.Length; pass++)
        {
            if (pass == 1 && clause == t) break;
            int x = pass == 0 != controlled ? clause : t;
            int obj = ClauseAnalyzer.DirectObject(g, x);
            if (obj >= 0) into[k++] = obj;
            for (int c = g.FirstChild(x); c >= 0 && k < into.Length; c = g.NextSibling(c))
            {
                var r = g.RelOf(c);
                if (r == Rel.Iobj && c != obj) into[k++] = c;
                else if (r is Rel.Obl or Rel.OblAgent && _clauses.IsTargetPrep(g, c) && !(IsBarePlace(ctx, g, c) && !_petrarch)) into[k++] = c;
            }
            if (obj >= 0)
            {
                for (int c = g.FirstChild(obj); c >= 0 && k < into.Length; c = g.NextSibling(c))
                    if (g.RelOf(c) == Rel.Acl && g.Upos(c) == UPos.VERB && _clauses.PassiveAgent(g, c) is int ag and >= 0) into[k++] = ag;
            }
        }
        if (!_ontology.IsStatement(code) || _petrarch)
        {
            // The verb's own complements, then those of the clause its pattern named ("vowed to investigate whether Pompeo
            // used ...": the one investigated is the subject of the whether-clause under "investigate").
            for (int pass = 0; pass < 2 && k < into.Length; pass++)
            {
                int x = pass == 0 ? t : clause;
                if (pass == 1 && x == t) break;
                for (int c = g.FirstChild(x); c >= 0 && k < into.Length; c = g.NextSibling(c))
                {
                    if (g.RelOf(c) is not (Rel.Ccomp or Rel.Xcomp)) continue;
                    int s = -1;
                    for (int d = g.FirstChild(c); d >= 0; d = g.NextSibling(d)) if (g.RelOf(d) is Rel.Nsubj or Rel.NsubjPass) { s = d; break; }
                    if (s >= 0) into[k++] = s;
                }
            }
            // The content clause of the verb's object ("expressed hopes that Osgiliath could be drawn into the peace process"):
            // its subject, as a clausal complement's.
            int o = ClauseAnalyzer.DirectObject(g, clause);
            for (int c = o < 0 ? -1 : g.FirstChild(o); c >= 0 && k < into.Length; c = g.NextSibling(c))
            {
                if (g.RelOf(c) != Rel.Acl || g.Child(c, Rel.Mark) < 0) continue;
                int s = g.Child(c, Rel.Nsubj) is int n and >= 0 ? n : g.Child(c, Rel.NsubjPass);
                if (s >= 0) into[k++] = s;
            }
        }
        return k;
    }

    /// <summary>The head of the first named actor after the verb within its subtree, other than the sources; -1 if none.</summary>
    private static int FirstActorAfter(DocumentContext ctx, in SentenceGraph g, int t, List<ActorRef> sources)
    {
        for (int k = t + 1; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (e < 0 || !ctx.HasActor(e) || !g.Dominates(t, k)) continue;
            // The phrase's head: climb the name's own parts, then to an agent noun it qualifies ("the Eriadorian government").
            int h = ctx.NameHead(g, k);
            if (g.Head(h) is int noun and >= 0 && g.RelOf(h) is Rel.Amod or Rel.Compound or Rel.Poss && g.Upos(noun) is UPos.NOUN) h = noun;
            // Not inside a clause of its own ("after a hafling was reported on the pass of Cirith Ungol").
            if (InOwnClause(g, t, h)) continue;
            if (!ctx.IsAmong(e, sources)) return h;
        }
        return -1;
    }

    /// <summary>Between <paramref name="t"/> and <paramref name="x"/> lies a clause with a subject of its own.</summary>
    private static bool InOwnClause(in SentenceGraph g, int t, int x)
    {
        for (int hops = 0; x >= 0 && x != t && hops < 32; hops++)
        {
            if (g.RelOf(x) is Rel.Advcl or Rel.Ccomp or Rel.Acl or Rel.Relcl or Rel.Parataxis
                && (g.Child(x, Rel.Nsubj) >= 0 || g.Child(x, Rel.NsubjPass) >= 0)) return true;
            x = g.Head(x);
        }
        return false;
    }

    /// <summary>A place the linker gave no actor code ("attacked in Kabul" is where, not whom).</summary>
    private bool IsBarePlace(DocumentContext ctx, in SentenceGraph g, int c)
    {
        if (ctx.PlaceAt(g, c) is null) return false;
        int e = ctx.EntityAt[c];
        return e < 0 || ctx.Doc.Entities[e].Actor is null || ClauseAnalyzer.HasCase(g, c, _w.PlacePreps) && !ClauseAnalyzer.HasCase(g, c, _w.TargetPreps);
    }

    /// <summary>
    /// Another subject candidate for the clause of <paramref name="t"/> when <paramref name="exclude"/> has no actor, for
    /// frequent parser slips: a second nsubj; a time noun whose "after/before" phrase holds the real subject; a vocative or
    /// dislocated nominal before the verb; a nominal coordinated into a fronted oblique ("In Doha, Ambassador X will ...").
    /// -1 if none.
    /// </summary>
    private int AlternateSubject(DocumentContext ctx, in SentenceGraph g, int t, int exclude)
    {
        int x = t;
        for (int hops = 0; hops < 5; hops++)
        {
            if (g.Child(x, Rel.Nsubj) >= 0 || g.Child(x, Rel.NsubjPass) >= 0) break;
            var r = g.RelOf(x);
            if (r is not (Rel.Conj or Rel.Xcomp or Rel.Advcl) || g.Head(x) < 0) break;
            x = g.Head(x);
        }
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
        {
            var r = g.RelOf(c);
            if (r == Rel.Nsubj && c != exclude && IsNamedAgent(ctx, g, c)) return c;
            if (r == Rel.Nsubj && _w.TimeNouns.Contains(g.Lemma(c)))
            {
                for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
                {
                    if (g.RelOf(k) is not (Rel.Nmod or Rel.Obl)) continue;
                    if (ClauseAnalyzer.HasCase(g, k, _w.TemporalPreps) && IsNamedAgent(ctx, g, k)) return k;
                }
            }
            if (r is Rel.Vocative or Rel.Dislocated && c < x && IsNamedAgent(ctx, g, c)) return c;
            // "Ethiopia departs from Libya" with "Ethiopia" a compound of the verb: a name before a verb modifies no verb.
            // (PETRARCH's conventions only for now: on BBC politics its one new event was a headline's verbal attack,
            // "UKIP MEP attacked German 'empire'", coded 190.)
            if (_petrarch && r == Rel.Compound && c < x && g.Upos(x) == UPos.VERB && g.Upos(c) == UPos.PROPN) return c;
        }
        if (g.Child(x, Rel.Nsubj) >= 0 || g.Child(x, Rel.NsubjPass) >= 0) return -1;
        for (int c = g.FirstChild(x); c >= 0 && c < x; c = g.NextSibling(c))
        {
            if (g.RelOf(c) == Rel.Obl && Swallowed(ctx, g, c, x) is int k and >= 0) return k;
            // "Later on Tuesday Mitsotakis met ...": the oblique hangs on a fronted adverb.
            if (g.RelOf(c) == Rel.Advmod)
                for (int o = g.FirstChild(c); o >= 0; o = g.NextSibling(o))
                    if (g.RelOf(o) == Rel.Obl && Swallowed(ctx, g, o, x) is int k2 and >= 0) return k2;
        }
        return -1;
    }

    /// <summary>A named agent the parser hung on a fronted oblique <paramref name="c"/> of verb <paramref name="x"/>: coordinated
    /// into it, or flat/appos under it while another entity ("In Doha, Ambassador Khalilzad will ...": Khalilzad flat under
    /// Doha); -1 if none.</summary>
    private int Swallowed(DocumentContext ctx, in SentenceGraph g, int c, int x)
    {
        for (int k = g.FirstChild(c); k >= 0; k = g.NextSibling(k))
        {
            if (k > x || g.CaseOf(k) >= 0) continue;
            bool swallowed = g.RelOf(k) == Rel.Conj
                || g.RelOf(k) is Rel.Flat or Rel.Appos && ctx.EntityAt[k] >= 0 && ctx.EntityAt[k] != ctx.EntityAt[c];
            if (swallowed && IsNamedAgent(ctx, g, k)) return k;
        }
        return -1;
    }

    /// <summary>A repair candidate must be a named person or organisation: a place in those positions is far more often the
    /// parser's slip than the actor ("victories in Arizona ... and Illinois left him").</summary>
    private bool IsNamedAgent(DocumentContext ctx, in SentenceGraph g, int head)
    {
        var found = new List<ActorRef>(2);
        if (_actors.Resolve(ctx, g, head, false, found) == 0 || found[0].Entity < 0) return false;
        string type = ctx.Doc.Entities[found[0].Entity].Type;
        return type is "PER" or "ORG";
    }

    /// <summary>
    /// "The EU has announced that it will start talks": "it" (or "they") subject of a clause reported by a verb whose own
    /// subject is an organisation or country is that subject, whatever coreference guessed. The reporter's head, or -1.
    /// </summary>
    private int ReportingSubject(DocumentContext ctx, in SentenceGraph g, int pronoun, int t)
    {
        if (g.Upos(pronoun) != UPos.PRON || !(_w.PronounsIt.Contains(g.Lemma(pronoun)) || _w.PronounsThey.Contains(g.Lemma(pronoun)))) return -1;
        int x = t;
        while (g.RelOf(x) == Rel.Conj && g.Head(x) >= 0) x = g.Head(x);
        if (g.RelOf(x) != Rel.Ccomp || g.Head(x) is not (int reporter and >= 0)) return -1;
        int s = _clauses.SubjectOf(g, reporter);
        if (s < 0 || g.Upos(s) == UPos.PRON) return -1;
        int e = ctx.EntityAt[s];
        // Not a person: "it" and "they" do not stand for the person who speaks.
        if (e >= 0 && ctx.Doc.Entities[e].Type == "PER") return -1;
        if (e < 0 && _data.Agents.RoleOf(g, s) is null) return -1;
        return s;
    }

    /// <summary>
    /// Whose word or decision a verbal object is: its possessor ("Trump's order"), else the first person or organisation
    /// named inside it, not inside a clause of its own ("the proclamation of the Golan Heights as Israeli territory by
    /// the President of the United States"); -1 if none.
    /// </summary>
    private int VerbalTarget(DocumentContext ctx, in SentenceGraph g, int noun, List<ActorRef> sources)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Poss && ctx.EntityAt[c] >= 0 && ctx.HasActor(ctx.EntityAt[c])) return c;
        for (int k = noun + 1; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (e < 0 || !ctx.HasActor(e) || ctx.Doc.Entities[e].Type is not ("PER" or "ORG") || !g.Dominates(noun, k) || InOwnClause(g, noun, k)) continue;
            if (ctx.IsAmong(e, sources)) continue;
            return ctx.NameHead(g, k);
        }
        return -1;
    }

    /// <summary>Whom an act noun carried by a verb is aimed at: the first phrase with a target preposition, of the noun
    /// ("condolences to the family of X") or else of the verb ("paid tribute to X", "heaped praise on X"), that names an
    /// actor other than the speaker; -1 if none.</summary>
    private int ActNounTarget(DocumentContext ctx, in SentenceGraph g, int noun, int verb, List<ActorRef> sources)
    {
        for (int pass = 0; pass < 2; pass++)
            for (int c = g.FirstChild(pass == 0 ? noun : verb); c >= 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) != (pass == 0 ? Rel.Nmod : Rel.Obl) || g.CaseOf(c) is not (int cs and >= 0) || !_w.TargetPreps.Contains(g.Lemma(cs)) || ctx.IsDate(c)) continue;
                if (ctx.EntityAt[c] is int e and >= 0 && ctx.HasActor(e) && !ctx.IsAmong(e, sources)) return c;
                int found = FirstActorWithin(ctx, g, c, -1, sources);
                if (found >= 0) return found;
            }
        return -1;
    }

    /// <summary>The partner phrase of an event noun: "talks with X", "visit to X", "attack on X"; -1 if none.</summary>
    private int NounTarget(in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nmod) continue;
            int cs = g.CaseOf(c);
            if (cs >= 0 && _w.TargetPreps.Contains(g.Lemma(cs)) && g.Lemma(cs) != _w.Of) return c;
        }
        return -1;
    }

    private bool NegotiationNounWithoutPartner(in SentenceGraph g, int noun)
    {
        for (int c = g.FirstChild(noun); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Nmod && g.CaseOf(c) >= 0 && g.Lemma(g.CaseOf(c)) == _w.With) return false;
        return true;
    }

    /// <summary>
    /// The partner of the talks a bare "the talks" / "peace talks" refers to: the named "with" phrase of the nearest other
    /// negotiation noun in this sentence or the <see cref="PartnerLookBack"/> sentences before, other than the source.
    /// </summary>
    private bool NegotiationPartner(DocumentContext ctx, in SentenceGraph g, int sentence, int noun, in ActorRef source, out ActorRef partner)
    {
        if (FindPartner(ctx, g, noun, source, out partner)) return true;
        for (int s = sentence - 1; s >= 0 && s >= sentence - PartnerLookBack; s--)
        {
            ref readonly var sd = ref ctx.Doc.Sentences[s];
            if (sd.EndToken <= sd.FirstToken) continue;
            var earlier = ctx.Graph(s);
            if (FindPartner(ctx, earlier, -1, source, out partner)) return true;
        }
        partner = default;
        return false;
    }

    private bool FindPartner(DocumentContext ctx, in SentenceGraph g, int exclude, in ActorRef source, out ActorRef partner)
    {
        var found = new List<ActorRef>(2);
        for (int k = g.End - 1; k >= g.First; k--)
        {
            if (k == exclude || !_w.NegotiationNouns.Contains(g.Lemma(k))) continue;
            for (int c = g.FirstChild(k); c >= 0; c = g.NextSibling(c))
            {
                if (g.RelOf(c) != Rel.Nmod) continue;
                int cs = g.CaseOf(c);
                if (cs < 0 || g.Lemma(cs) != _w.With) continue;
                found.Clear();
                if (_actors.Resolve(ctx, g, c, false, found) > 0 && found[0].Entity >= 0 && !ActorResolver.SameActor(found[0], source)
                    && found[0].Code != source.Code)
                {
                    partner = found[0];
                    return true;
                }
            }
        }
        partner = default;
        return false;
    }
}
