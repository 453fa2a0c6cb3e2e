using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

public sealed partial class EventCoder
{
    /// <summary>What the dictionary says about one verb token.</summary>
    private struct VerbMatch
    {
        public VerbEntry Entry;
        public VerbPattern? Pattern;
        public string? Code;
        public string? Reverse;
        public int SourceToken;
        public int TargetToken;
    }

    /// <summary>A resolved actor: the entity mention (or agent noun) that stands for a source or target.</summary>
    private struct ActorRef
    {
        public int Entity;
        public int Cluster;
        public string Code;
        public string? Name;
        public int Start;
        public int End;
        public double Confidence;
        /// <summary>A generic agent noun ("police"), not a named entity.</summary>
        public readonly bool Generic => Entity < 0;
    }

    private const int MaxCoordinated = 8;

    private void CodeVerb(DocContext ctx, SentenceGraph g, int sentence, int t, VerbEntry[] entries)
    {
        var trace = ctx.Trace;
        var doc = ctx.Doc;
        if (!Decide(g, t, entries, out var m)) return;
        if (trace is not null) trace.Step(doc, t, Describe(m));

        // A verb that is the complement of a governor the dictionary or the composition rules know is coded there.
        if (g.RelOf(t) == Rel.Xcomp)
        {
            int gov = g.Head(t);
            if (gov >= 0 && g.Upos(gov) == UPos.VERB && GovernorCodes(g, gov))
            {
                trace?.Step(doc, t, "complement of '" + StringStore.Get(g.Lemma(gov)) + "': coded with its governor");
                return;
            }
        }

        bool rootNounSlip = IsRootNounSlip(g, t);
        if (rootNounSlip) trace?.Step(doc, t, "parser made the subject '" + TokenText(doc, g.Head(t)) + "' the root and the verb its modifier: read as subject and verb");
        if (!rootNounSlip && g.RelOf(t) is Rel.Xcomp or Rel.Acl && g.Head(t) >= 0 && g.Upos(g.Head(t)) != UPos.VERB)
        {
            trace?.Dropped(doc, t, m.Code, "infinitive depending on a noun or adjective ('the right to attack', 'ready to talk'): not asserted");
            return;
        }

        string? why = Unasserted(g, t);
        if (why is not null)
        {
            trace?.Dropped(doc, t, m.Code, why);
            return;
        }

        string? code = m.Code;
        string? reverse = m.Reverse;
        VerbPattern? pattern = m.Pattern;
        int complement = -1;
        bool composed = false;
        string lemma = m.Entry.Lemma;
        string rule = "";
        double confidence = pattern is not null ? 0.9 : 0.75;

        // "held talks with X", "led nine rounds of talks with X": a light verb takes the code of its event-noun object.
        int eventObject = -1;
        if (pattern is null && _w.LightVerbs.Contains(g.Lemma(t)))
        {
            eventObject = EventNounObject(g, t, out string? nounCode);
            if (eventObject >= 0)
            {
                code = nounCode; reverse = null;
                rule = "+n:" + StringStore.Get(g.Lemma(eventObject));
                trace?.Step(doc, t, $"light verb '{lemma}' + event noun '{TokenText(doc, eventObject)}' -> {code}");
            }
        }

        int xc = ChildVerb(g, t, Rel.Xcomp);
        if (xc >= 0 && pattern is null && eventObject < 0)
        {
            var cEntries = _data.Verbs.LookupOrForm(g.Lemma(xc));
            VerbMatch cm = default;
            bool hasC = cEntries is not null && Decide(g, xc, cEntries, out cm) && cm.Code is not null;
            int govLemma = g.Lemma(t);
            string cLemma = StringStore.Get(g.Lemma(xc));
            if (_w.Refuse.Contains(govLemma))
            {
                code = hasC ? RejectOf(cm.Code!) : null;
                reverse = null;
                rule = ">" + cLemma;
                composed = true;
                trace?.Step(doc, t, hasC ? $"refuse + '{cLemma}' ({cm.Code}) -> reject {code}" : $"refuse + uncoded '{cLemma}': no event");
            }
            else if (_w.Intent.Contains(govLemma) && hasC)
            {
                code = IntentOf(cm.Code!);
                reverse = null;
                rule = ">" + cLemma;
                composed = true;
                trace?.Step(doc, t, $"intent + '{cLemma}' ({cm.Code}) -> {code}");
            }
            else if (code is null && hasC)
            {
                code = cm.Code; reverse = cm.Reverse; pattern = cm.Pattern;
                rule = ">" + cLemma + (cm.Pattern?.Label ?? "");
                composed = true;
                confidence = cm.Pattern is not null ? 0.85 : 0.7;
                trace?.Step(doc, t, $"'{lemma}' passes its complement '{cLemma}' through ({code})");
            }
            if (composed) { complement = xc; confidence *= 0.95; }
        }

        if (code is not null && !composed)
        {
            int modal = Modality(g, t);
            if (modal != 0)
            {
                int root = CameoOntology.RootOf(code);
                if (root is >= 4 and <= 8)
                {
                    string was = code;
                    code = IntentOf(code);
                    reverse = null;
                    rule = "@modal";
                    trace?.Step(doc, t, $"modal auxiliary: {was} -> intent {code}");
                }
                else if (root >= 14 && modal == 1)
                {
                    string was = code;
                    code = ThreatOf(code);
                    reverse = null;
                    rule = "@will";
                    trace?.Step(doc, t, $"'will' + material conflict {was} -> threat {code}");
                }
                else if (modal == 2)
                {
                    trace?.Dropped(doc, t, code, "modal auxiliary (may/could/would...): not asserted");
                    return;
                }
            }
        }

        if (code is not null && CameoOntology.RootOf(code) == 1 && pattern is null)
        {
            trace?.Dropped(doc, t, code, g.Child(t, Rel.Ccomp) >= 0 || g.Child(t, Rel.Parataxis) >= 0
                ? "reported speech: the statement itself is coded only when a pattern calls for it"
                : "bare statement verb: 01x is coded only when a pattern calls for it");
            return;
        }

        if (code is null && reverse is null)
        {
            trace?.Dropped(doc, t, null, pattern is not null ? "pattern gives the null code" : "verb has no code without a matching pattern");
            return;
        }

        bool negated = HasNegation(g, t);
        // Arguments of a composed or pattern-matched complement ("refused to resume talks with X") are found in it.
        int clause = complement >= 0 ? complement : xc >= 0 ? xc : t;

        // Source and target heads. "He is scheduled / expected to meet X": a passive governor without a by-agent passes its
        // subject to the complement, which is then an active clause.
        bool passive = IsPassive(g, t);
        if (passive && complement >= 0 && PassiveAgent(g, t) < 0 && !IsPassive(g, complement) && HasToMark(g, complement)) passive = false;
        int src, tgt;
        var srcRole = pattern?.SourceRole ?? ArgumentRole.Default;
        var tgtRole = pattern?.TargetRole ?? ArgumentRole.Default;
        src = srcRole switch
        {
            ArgumentRole.Preposition => m.SourceToken,
            ArgumentRole.Object => ObjectOf(ctx, g, clause),
            _ => passive ? PassiveAgent(g, t) : SubjectOf(g, complement >= 0 && IsPassive(g, t) ? complement : t),
        };
        tgt = tgtRole switch
        {
            ArgumentRole.Preposition => complement >= 0 ? -1 : m.TargetToken,
            ArgumentRole.Subject => SubjectOf(g, t),
            _ => passive ? PassiveSubject(g, t) : ObjectOf(ctx, g, clause),
        };
        if (tgt < 0 && complement >= 0) tgt = ObjectOf(ctx, g, t);
        if (src < 0 && rootNounSlip && srcRole == ArgumentRole.Default) src = g.Head(t);
        if (eventObject >= 0) tgt = NounTarget(g, eventObject);

        string finalCode = code ?? reverse!;
        bool swap = code is null;
        if (swap) (src, tgt) = (tgt, src);

        Span<int> srcHeads = stackalloc int[MaxCoordinated];
        Span<int> tgtHeads = stackalloc int[MaxCoordinated];
        int ns = src >= 0 ? Coordinated(g, src, srcHeads) : 0;
        int nt = tgt >= 0 ? Coordinated(g, tgt, tgtHeads) : 0;

        Span<ActorRef> sources = new ActorRef[ns];
        Span<ActorRef> targets = new ActorRef[nt];
        int ks = 0, kt = 0;
        // Named actors first; a generic agent noun alone ("police" -> COP) only when no named actor is found.
        for (int i = 0; i < ns; i++) if (ResolveActor(ctx, g, srcHeads[i], false, out sources[ks], true)) ks++;
        if (ks == 0 && srcRole == ArgumentRole.Default && !passive && !swap)
        {
            // Parser slips: two subjects ("U.S. Special Representative ... Zalmay Khalilzad arrived"), a time noun as subject
            // ("three months after Trump suspended"), a fronted phrase swallowing the subject ("In Doha, Ambassador Khalilzad
            // will rejoin"), or the subject left as vocative ("The Taliban, who control ..., refuse").
            int alt = AlternateSubject(ctx, g, complement >= 0 && IsPassive(g, t) ? complement : t, src);
            if (alt >= 0)
            {
                Span<int> altHeads = stackalloc int[MaxCoordinated];
                int na = Coordinated(g, alt, altHeads);
                if (na > sources.Length) sources = new ActorRef[na];
                for (int i = 0; i < na; i++) if (ResolveActor(ctx, g, altHeads[i], false, out sources[ks], true)) ks++;
                if (ks > 0)
                {
                    trace?.Step(doc, t, "subject '" + (src >= 0 ? TokenText(doc, src) : "-") + "' has no actor: took '" + TokenText(doc, alt) + "'");
                    src = alt;
                }
            }
        }
        if (ks == 0) for (int i = 0; i < ns; i++) if (ResolveActor(ctx, g, srcHeads[i], true, out sources[ks], true)) ks++;
        for (int i = 0; i < nt; i++) if (ResolveActor(ctx, g, tgtHeads[i], false, out targets[kt])) kt++;
        if (kt == 0 && tgtRole == ArgumentRole.Default && !passive && !swap)
        {
            int alt = AlternateTarget(ctx, g, clause, tgt);
            if (alt < 0 && clause != t) alt = AlternateTarget(ctx, g, t, tgt);
            if (alt >= 0)
            {
                int na = Coordinated(g, alt, tgtHeads);
                if (na > targets.Length) targets = new ActorRef[na];
                for (int i = 0; i < na; i++) if (ResolveActor(ctx, g, tgtHeads[i], false, out targets[kt])) kt++;
                if (kt > 0) { nt = na; tgt = alt; }
                else { nt = tgt >= 0 ? Coordinated(g, tgt, tgtHeads) : 0; }
            }
        }
        if (kt == 0 && ks > 0 && tgt >= 0 && !swap && _w.NegotiationNouns.Contains(g.Lemma(tgt)) && NegotiationNounWithoutPartner(g, tgt))
        {
            // "canceled the talks": the talks are those with the partner named last ("nine rounds of talks with the Taliban").
            if (targets.Length == 0) targets = new ActorRef[1];
            if (NegotiationPartner(ctx, g, sentence, tgt, sources[0], out targets[0]))
            {
                kt = 1;
                confidence *= 0.8;
                trace?.Step(doc, t, "'" + TokenText(doc, tgt) + "' refers back to talks with '" + targets[0].Name + "'");
            }
        }
        if (kt == 0) for (int i = 0; i < nt; i++) if (ResolveActor(ctx, g, tgtHeads[i], true, out targets[kt])) kt++;

        int root2 = CameoOntology.RootOf(finalCode);
        if (rule.Length == 0 || rule[0] != '>') rule = (pattern?.Label ?? ParticleLabel(m.Entry)) + rule;
        string ruleId = finalCode + ":" + lemma + rule;
        if (ks == 0)
        {
            trace?.Dropped(doc, t, finalCode, src < 0 ? "no source argument" : "source '" + TokenText(doc, src) + "' has no actor code");
            return;
        }
        bool monadic = root2 is 14 or 15 || finalCode == "0871";   // protests, mobilisation and declared truces often have no target
        if (kt == 0 && !monadic)
        {
            trace?.Dropped(doc, t, finalCode, tgt < 0 ? "no target argument (code needs one)" : "target '" + TokenText(doc, tgt) + "' has no actor code");
            return;
        }

        EventPlace? place = (eventObject >= 0 ? NounPlace(ctx, g, eventObject) : null) ?? FindPlace(ctx, g, clause, t)
            ?? (src >= 0 && _w.IsEventNoun(g.Lemma(src)) ? NounPlace(ctx, g, src) : null) ?? PurposePlace(ctx, g, t);

        bool named = false;
        for (int i = 0; i < ks && !named; i++) named = !sources[i].Generic;
        for (int j = 0; j < kt && !named; j++) named = !targets[j].Generic;

        // Generic agents ("police", "the government") take the country of the action's place; when no named actor is
        // involved, failing that, the article's (a named actor codes the event; a guessed country would only add noise).
        int inferred = InferAgentCountries(ctx, sentence, place, sources[..ks], sources[..ks], targets[..kt], !named)
            | InferAgentCountries(ctx, sentence, place, targets[..kt], sources[..ks], targets[..kt], !named);
        if (inferred != 0)
        {
            ruleId += (inferred & 1) != 0 ? "+country:place" : "+country:article";
            trace?.Step(doc, t, (inferred & 1) != 0 ? "generic agent: country of the sentence's place" : "generic agent: the article's dominant country");
        }

        if (!named)
        {
            // Without a named actor, only agents with a country code: "police arrested protesters in Hong Kong", not "men attacked people".
            int ks0 = ks, kt0 = kt;
            ks = KeepWithCountry(sources[..ks]);
            kt = KeepWithCountry(targets[..kt]);
            // "those women will attack other women": two generic phrases with one code are not two actors we can tell apart.
            bool sameCode = ks == 1 && kt == 1 && sources[0].Code == targets[0].Code;
            if (ks == 0 || kt < kt0 || (kt == 0 && !monadic) || sameCode)
            {
                trace?.Dropped(doc, t, finalCode, ks0 == ks && kt0 == kt ? "only generic agent nouns (no named actor on either side)"
                    : "only generic agent nouns, some without a country (no named actor on either side)");
                return;
            }
            string? weak = WeakGenericEvent(sources[..ks], targets[..kt], finalCode, pattern is not null, inferred);
            if (weak is not null)
            {
                trace?.Dropped(doc, t, finalCode, "only generic agent nouns: " + weak);
                return;
            }
        }
        Emit(ctx, sentence, t, sources[..ks], targets[..kt], finalCode, ruleId, confidence, negated, place);
    }

    /// <summary>Adds one event per source-target pair (or per source when there is no target) for trigger token <paramref name="t"/>.</summary>
    private void Emit(DocContext ctx, int sentence, int t, ReadOnlySpan<ActorRef> sources, ReadOnlySpan<ActorRef> targets,
        string code, string ruleId, double confidence, bool negated, EventPlace? place)
    {
        var doc = ctx.Doc;
        var trace = ctx.Trace;
        var type = _data.Ontology.Find(code);
        ref readonly var sd = ref doc.Sentences[sentence];
        string? date = SentenceDate(doc, sd) ?? AnaphoricDate(doc, sentence) ?? doc.PublishedText;
        var trigger = doc.Tokens[t];
        int kt = targets.Length;
        for (int i = 0; i < sources.Length; i++)
        {
            for (int j = 0; j < Math.Max(kt, 1); j++)
            {
                bool hasTarget = kt > 0;
                if (hasTarget && SameActor(sources[i], targets[j]))
                {
                    trace?.Dropped(doc, t, code, "source and target are the same actor");
                    continue;
                }
                var record = new EventRecord
                {
                    Sentence = sentence,
                    Source = ToEventActor(doc, sources[i]),
                    Target = hasTarget ? ToEventActor(doc, targets[j]) : null,
                    Cameo = code,
                    Plover = type?.Plover,
                    QuadClass = type?.QuadClass ?? CameoOntology.QuadClassOf(code),
                    Goldstein = type?.Goldstein ?? 0,
                    Date = date,
                    Place = place,
                    Negated = negated,
                    EvidenceStart = sd.Start,
                    EvidenceEnd = sd.End,
                    Rule = ruleId,
                    Confidence = Math.Round(confidence * sources[i].Confidence * (hasTarget ? targets[j].Confidence : 0.9), 3),
                    TriggerStart = trigger.Start,
                    TriggerEnd = trigger.End,
                };
                doc.Events.Add(record);
                trace?.Kept(doc, t, record);
            }
        }
    }

    /// <summary>Picks the verb entry (multi-word first) and its most specific matching pattern. A verb listed in several
    /// blocks with the same particles ("cancel": REVOKE_ and CANCEL) takes the most specific pattern over all of them, else
    /// the first entry's code.</summary>
    private bool Decide(in SentenceGraph g, int t, VerbEntry[] entries, out VerbMatch m)
    {
        m = default;
        int first = -1;
        for (int i = 0; i < entries.Length; i++)
        {
            var e = entries[i];
            if (e.Particles.Length == 0 || ParticlesPresent(g, t, e)) { first = i; break; }
        }
        if (first < 0) return false;
        var entry = entries[first];
        m.Entry = entry;
        m.SourceToken = -1;
        m.TargetToken = -1;
        int best = 0;
        for (int k = first; k < entries.Length; k++)
        {
            var e = entries[k];
            if (k > first && (e.Particles.Length != entry.Particles.Length || (e.Particles.Length > 0 && !ParticlesPresent(g, t, e)))) continue;
            var patterns = e.Block.Patterns;
            for (int i = 0; i < patterns.Count; i++)
            {
                var p = patterns[i];
                if (p.Specificity <= best) continue;
                if (!PatternMatches(g, t, p, out int s, out int tg)) continue;
                best = p.Specificity;
                m.Entry = e;
                m.Pattern = p;
                m.SourceToken = s;
                m.TargetToken = tg;
            }
        }
        if (m.Pattern is not null) { m.Code = m.Pattern.Code; m.Reverse = m.Pattern.ReverseCode; }
        else m.Code = entry.Code;
        return true;
    }

    private bool GovernorCodes(in SentenceGraph g, int gov)
    {
        int l = g.Lemma(gov);
        return _w.Intent.Contains(l) || _w.Refuse.Contains(l) || _data.Verbs.LookupOrForm(l) is not null;
    }

    private static bool PatternMatches(in SentenceGraph g, int t, VerbPattern p, out int source, out int target)
    {
        source = -1; target = -1;
        for (int i = 0; i < p.Subject.Length; i++) if (!SubjectMatches(g, t, p.Subject[i])) return false;
        for (int i = 0; i < p.Nouns.Length; i++) if (!NounInRegion(g, t, p.Nouns[i])) return false;
        for (int i = 0; i < p.Preps.Length; i++)
        {
            var pc = p.Preps[i];
            int bound = PrepInRegion(g, t, pc);
            if (bound < 0) return false;
            if (pc.Role == PrepRole.Source) source = bound;
            else if (pc.Role == PrepRole.Target) target = bound;
        }
        return true;
    }

    private static bool ObjectLike(Rel r) => r is Rel.Obj or Rel.Iobj or Rel.Xcomp or Rel.Ccomp or Rel.Prt or Rel.Advmod
        or Rel.NsubjPass or Rel.Dep or Rel.Compound or Rel.Neg;

    private static bool ObjectLikeDeep(Rel r) => r is Rel.Obj or Rel.Iobj or Rel.Xcomp or Rel.Ccomp or Rel.Prt or Rel.Advmod
        or Rel.NsubjPass or Rel.Conj or Rel.Neg;

    /// <summary>Phrases a prepositional condition can match: nominal obliques and modifiers; clauses ("for talking") only when
    /// the condition names a word, so that "(TO)" does not match an infinitive.</summary>
    private static bool PrepLike(Rel r, PrepCondition c) => r is Rel.Obl or Rel.OblAgent or Rel.Nmod || (c.Object is not null && r is Rel.Advcl or Rel.Acl);

    private static bool NounInRegion(in SentenceGraph g, int t, NounCondition c)
    {
        for (int a = g.FirstChild(t); a >= 0; a = g.NextSibling(a))
        {
            if (!ObjectLike(g.RelOf(a))) continue;
            if (c.Matches(g, a)) return true;
            for (int b = g.FirstChild(a); b >= 0; b = g.NextSibling(b))
                if (ObjectLikeDeep(g.RelOf(b)) && c.Matches(g, b)) return true;
        }
        return false;
    }

    private static int PrepInRegion(in SentenceGraph g, int t, PrepCondition c)
    {
        for (int a = g.FirstChild(t); a >= 0; a = g.NextSibling(a))
        {
            var r = g.RelOf(a);
            if (PrepLike(r, c) && PrepOk(g, a, c)) return a;
            if (ObjectLike(r) || r is Rel.Obl)
            {
                for (int b = g.FirstChild(a); b >= 0; b = g.NextSibling(b))
                    if (PrepLike(g.RelOf(b), c) && PrepOk(g, b, c)) return b;
            }
        }
        return -1;
    }

    /// <summary>Heads of date phrases: "called the police on Sunday" is no "call on" (appeal to) the police.</summary>
    private static readonly HashSet<int> DateHeads = DateHeadIds();

    private static HashSet<int> DateHeadIds()
    {
        string[] words = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "today", "tomorrow", "yesterday",
            "tonight", "morning", "afternoon", "evening", "night", "weekend", "day", "week", "month", "year", "occasion", "anniversary"];
        var set = new HashSet<int>();
        foreach (var w in words)
        {
            set.Add(StringStore.Intern(w));
            set.Add(StringStore.Intern(char.ToUpperInvariant(w[0]) + w[1..]));
        }
        return set;
    }

    private static bool PrepOk(in SentenceGraph g, int x, PrepCondition c)
    {
        if (DateHeads.Contains(g.Lemma(x))) return false;
        bool found = false;
        for (int k = g.FirstChild(x); k >= 0 && !found; k = g.NextSibling(k))
        {
            if (g.RelOf(k) is not (Rel.Case or Rel.Mark)) continue;
            int l = g.Lemma(k);
            for (int i = 0; i < c.Preps.Length; i++) if (c.Preps[i] == l) { found = true; break; }
        }
        return found && (c.Object is null || c.Object.Matches(g, x));
    }

    private static bool SubjectMatches(in SentenceGraph g, int t, NounCondition c)
    {
        int s = SubjectOf(g, t);
        if (s < 0) s = PassiveSubject(g, t);
        if (s < 0) return false;
        if (c.Matches(g, s)) return true;
        for (int k = g.FirstChild(s); k >= 0; k = g.NextSibling(k))
            if (g.RelOf(k) is Rel.Compound or Rel.Amod or Rel.Nmod or Rel.Flat && c.Matches(g, k)) return true;
        return false;
    }

    private static bool ParticlesPresent(in SentenceGraph g, int t, VerbEntry e)
    {
        // A preposition of a multi-word verb ("meet with", "leave for") heads the verb's own complement: not with a direct object.
        bool hasObject = g.Child(t, Rel.Obj) >= 0;
        for (int i = 0; i < e.Particles.Length; i++)
        {
            var ids = e.Particles[i];
            bool found = false;
            for (int a = g.FirstChild(t); a >= 0 && !found; a = g.NextSibling(a))
            {
                var r = g.RelOf(a);
                if (r is Rel.Prt or Rel.Advmod or Rel.Compound) found = Array.IndexOf(ids, g.Lemma(a)) >= 0;
                else if (!hasObject && r is Rel.Obl or Rel.OblAgent or Rel.Xcomp or Rel.Advcl)
                {
                    for (int k = g.FirstChild(a); k >= 0 && !found; k = g.NextSibling(k))
                        if (g.RelOf(k) is Rel.Case or Rel.Mark) found = Array.IndexOf(ids, g.Lemma(k)) >= 0;
                }
            }
            if (!found) return false;
        }
        return true;
    }
}
