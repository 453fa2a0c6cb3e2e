using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>What the verb dictionary says about one verb token: the entry, its most specific matching pattern, and the
/// phrases the pattern names as source or target.</summary>
internal struct VerbMatch
{
    public VerbEntry Entry;
    public VerbPattern? Pattern;
    public string? Code;
    public string? Reverse;
    public int SourceToken;
    public int TargetToken;
}

/// <summary>
/// Matches a verb token against the verb dictionary: the entry (multi-word verbs first) and the most specific of its
/// patterns whose conditions hold on the parse. Patterns are PETRARCH's, converted to conditions on the dependency tree
/// (data/cameo/README.md).
/// </summary>
internal sealed class VerbMatcher(CameoData data, ClauseAnalyzer clauses)
{
    private readonly CameoData _data = data;
    private readonly ClauseAnalyzer _clauses = clauses;
    private readonly CoderWords _w = clauses.Words;

    public VerbEntry[]? Lookup(int lemma) => _data.Verbs.LookupOrForm(lemma);

    /// <summary>The lemma of a verb token, checked against the verbs the project knows (the verb dictionary, and WordNet's
    /// verbs when <paramref name="isVerb"/> is given): a lemma neither knows is a lemmatizer slip on an unseen word
    /// ("tweeted" -> "tweete", "boycotted" -> "boycot"), replaced by the first regular base form of the word that one of
    /// them knows ("tweet", "boycott"); the lemma itself when none does.</summary>
    public int KnownLemma(Document doc, int token, Func<string, bool>? isVerb)
    {
        ref readonly var td = ref doc.Tokens[token];
        if (_data.Verbs.LookupOrForm(td.Lemma) is not null) return td.Lemma;
        string lemma = StringStore.Get(td.Lemma);
        if (isVerb is null || isVerb(lemma)) return td.Lemma;
        var form = doc.Text.AsSpan(td.Start, td.End - td.Start);
        if (form.Length > 40) return td.Lemma;
        string lower = form.ToString().ToLowerInvariant();
        foreach (var b in RegularBaseForms(lower))
            if (b != lemma && StringStore.TryGet(b, out int id) && _data.Verbs.LookupOrForm(id) is not null || isVerb(b))
                return StringStore.Intern(b);
        return td.Lemma;
    }

    /// <summary>The base forms a regular English verb form may have: "tweeted" -> tweet, tweete; "stopped" -> stop;
    /// "combined" -> combin, combine; "tried" -> try; "boycotting" -> boycott; "blasts" -> blast.</summary>
    internal static IEnumerable<string> RegularBaseForms(string w)
    {
        string? stem = w.EndsWith("ied", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal) ? null
            : w.EndsWith("ed", StringComparison.Ordinal) ? w[..^2]
            : w.EndsWith("ing", StringComparison.Ordinal) ? w[..^3] : null;
        if (w.Length > 4 && (w.EndsWith("ied", StringComparison.Ordinal) || w.EndsWith("ies", StringComparison.Ordinal))) yield return w[..^3] + "y";
        if (stem is { Length: >= 2 })
        {
            yield return stem;
            yield return stem + "e";
            if (stem.Length >= 3 && stem[^1] == stem[^2]) yield return stem[..^1];
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal))
        {
            yield return w[..^1];
            if (w.EndsWith("es", StringComparison.Ordinal)) yield return w[..^2];
        }
    }

    /// <summary>The entries of a verb token by lemma (<paramref name="lemma"/>: the token's, or its <see cref="KnownLemma"/>),
    /// else by its lower-case form ("risen" listed as a verb of its own).</summary>
    /// <remarks>A form the dictionary lists as a single-word verb of its own and as no verb's irregular form ("LEFT
    /// [032:033]" beside "LEAVE [012]") is that verb, as PETRARCH matches the word as written, unless the lemma has
    /// multi-word verbs ("wound" with "wind up"). A form that only heads multi-word verbs ("killed and") is not.</remarks>
    public VerbEntry[]? Lookup(Document doc, int token, int lemma)
    {
        ref readonly var td = ref doc.Tokens[token];
        var entries = _data.Verbs.LookupOrForm(lemma);
        var form = doc.Text.AsSpan(td.Start, td.End - td.Start);
        Span<char> lower = stackalloc char[Math.Min(form.Length, 64)];
        if (form.Length > lower.Length) return entries;
        form.ToLowerInvariant(lower);
        if (!StringStore.TryGet(lower, out int id) || id == lemma) return entries;
        if (entries is null) return _data.Verbs.LookupOrForm(id);
        return _data.Verbs.Lookup(id) is { } own && Array.Exists(own, e => e.Particles.Length == 0) && !_data.Verbs.ListedForms.Contains(id)
            && Array.TrueForAll(entries, e => e.Particles.Length == 0) ? own : entries;
    }

    /// <summary>Picks the verb entry (multi-word first) and its most specific matching pattern. A verb listed in several
    /// blocks with the same particles ("cancel": REVOKE_ and CANCEL) takes the most specific pattern over all of them, else
    /// the first entry's code.</summary>
    public bool Decide(in SentenceGraph g, int t, VerbEntry[] entries, out VerbMatch m)
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
        else { m.Code = entry.Code; m.Reverse = entry.Reverse; }
        return true;
    }

    /// <summary>The verb at <paramref name="gov"/> codes its complement: an intention or refusal verb, or a dictionary verb.</summary>
    public bool GovernorCodes(in SentenceGraph g, int gov)
    {
        int l = g.Lemma(gov);
        return _w.Intent.Contains(l) || _w.Refuse.Contains(l) || _data.Verbs.LookupOrForm(l) is not null;
    }

    private bool PatternMatches(in SentenceGraph g, int t, VerbPattern p, out int source, out int target)
    {
        source = -1; target = -1;
        if (p.CompoundSubject && !IsCoordinated(g, _clauses.SubjectOf(g, t))) return false;
        if (p.CompoundObject && !IsCoordinated(g, ClauseAnalyzer.DirectObject(g, t))) return false;
        for (int i = 0; i < p.Subject.Length; i++) if (!PreVerbMatches(g, t, p.Subject[i])) return false;
        for (int i = 0; i < p.Nouns.Length; i++) if (!NounInRegion(g, t, p.Nouns[i])) return false;
        for (int i = 0; i < p.Sequences.Length; i++) if (!p.Sequences[i].Matches(g, t)) return false;
        for (int i = 0; i < p.Preps.Length; i++)
        {
            var pc = p.Preps[i];
            int bound = PrepInRegion(g, t, pc);
            if (bound < 0) return false;
            if (pc.SkipHead && (bound = g.Child(bound, Rel.Nmod)) < 0) return false;
            if (pc.Coordinated && !IsCoordinated(g, bound)) return false;
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
    private static bool PrepLike(Rel r, PrepCondition c) => r is Rel.Obl or Rel.OblAgent or Rel.Nmod || (c.Object is not null && r is Rel.Advcl or Rel.Acl or Rel.Xcomp);

    private static bool NounInRegion(in SentenceGraph g, int t, NounCondition c)
    {
        for (int a = g.FirstChild(t); a >= 0; a = g.NextSibling(a))
        {
            if (!ObjectLike(g.RelOf(a))) continue;
            if (c.Matches(g, a)) return true;
            for (int b = g.FirstChild(a); b >= 0; b = g.NextSibling(b))
            {
                if (ObjectLikeDeep(g.RelOf(b)) && c.Matches(g, b)) return true;
                // "fired two artillery shells" matches "- * ARTILLERY", "renewed diplomatic ties" "- * DIPLOMATIC": PETRARCH
                // reads the object phrase's words in order, so a noun or adjective modifying the object's head is in it too
                // (a single-word condition only), its possessive too ("warned their populations about" "- * THEIR ^ ABOUT +").
                if (c.Mods.Length == 0 && g.RelOf(a) is Rel.Obj && g.RelOf(b) is Rel.Compound or Rel.Amod or Rel.Poss && b < a && c.Matches(g, b)) return true;
            }
        }
        return false;
    }

    private int PrepInRegion(in SentenceGraph g, int t, PrepCondition c)
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

    private bool PrepOk(in SentenceGraph g, int x, PrepCondition c)
    {
        if (_w.DateHeads.Contains(g.Lemma(x))) return false;
        bool found = false;
        for (int k = g.FirstChild(x); k >= 0 && !found; k = g.NextSibling(k))
        {
            if (g.RelOf(k) is not (Rel.Case or Rel.Mark)) continue;
            int l = g.Lemma(k);
            for (int i = 0; i < c.Preps.Length; i++) if (c.Preps[i] == l) { found = true; break; }
        }
        if (!found) return false;
        return c.Object is not null ? c.Object.Matches(g, x) : !IsQuantity(g, x);
    }

    /// <summary>"to 43.0 percent", "to 5": a number or a measure with its number is no place or actor, so a bare
    /// prepositional condition ("lead to" = visit) does not take it ("Biden led Trump 49.0 percent to 43.0 percent").</summary>
    private bool IsQuantity(in SentenceGraph g, int x)
    {
        if (g.Upos(x) is UPos.NUM) return true;
        if (!_w.MeasureHeads.Contains(g.Lemma(x))) return false;
        for (int k = g.FirstChild(x); k >= 0; k = g.NextSibling(k)) if (g.Upos(k) is UPos.NUM) return true;
        return false;
    }

    private static bool IsCoordinated(in SentenceGraph g, int head) => head >= 0 && g.Child(head, Rel.Conj) >= 0;

    /// <summary>
    /// A word PETRARCH's pattern puts before the verb: the subject or one of its modifiers ("PLANES_*"), an auxiliary,
    /// negation or adverb of the verb ("WOULD NOT *", "&amp;NEGATVAUXVRB *"), or a verb the clause depends on ("SAID *",
    /// "INDICATED WOULD *"), with that verb's auxiliaries.
    /// </summary>
    private bool PreVerbMatches(in SentenceGraph g, int t, NounCondition c)
    {
        int s = _clauses.SubjectOf(g, t);
        if (s < 0) s = ClauseAnalyzer.PassiveSubject(g, t);
        if (s >= 0)
        {
            if (c.Matches(g, s)) return true;
            for (int k = g.FirstChild(s); k >= 0; k = g.NextSibling(k))
                if (g.RelOf(k) is Rel.Compound or Rel.Amod or Rel.Nmod or Rel.Flat && c.Matches(g, k)) return true;
        }
        if (c.Mods.Length > 0) return false;
        Span<int> lemmas = stackalloc int[16];
        int x = t;
        for (int hops = 0; hops < 4 && x >= 0; hops++)
        {
            int n = 0;
            if (x != t) lemmas[n++] = g.Lemma(x);
            for (int k = g.FirstChild(x); k >= 0 && n < lemmas.Length; k = g.NextSibling(k))
                if (g.RelOf(k) is Rel.Aux or Rel.AuxPass or Rel.Neg or Rel.Advmod or Rel.Mark or Rel.Cop && k < t) lemmas[n++] = g.Lemma(k);
            if (c.Head.MatchesAmong(lemmas[..n])) return true;
            if (g.RelOf(x) is not (Rel.Xcomp or Rel.Ccomp or Rel.Conj or Rel.Parataxis or Rel.Advcl)) break;
            x = g.Head(x);
        }
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

    public static string ParticleLabel(VerbEntry e) => e.ParticleWords.Length == 0 ? "" : "+" + string.Join('+', e.ParticleWords);

    public static string Describe(in VerbMatch m) =>
        m.Pattern is not null
            ? $"verb '{m.Entry.Lemma}{ParticleLabel(m.Entry)}' [{m.Entry.Block.Name}]: pattern line {m.Pattern.Line} '{m.Pattern.Label}' -> {m.Pattern.Code ?? "---"}{(m.Pattern.ReverseCode is null ? "" : ":" + m.Pattern.ReverseCode)}"
            : $"verb '{m.Entry.Lemma}{ParticleLabel(m.Entry)}' [{m.Entry.Block.Name}]: no pattern matched, verb code {m.Code ?? "---"}";
}
