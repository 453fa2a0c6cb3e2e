using Parley.Core;

namespace Parley.Events.Cameo;

/// <summary>Universal Dependencies relations the coder distinguishes (subtypes folded where they do not matter).</summary>
internal enum Rel : byte
{
    Other, Root, Nsubj, NsubjPass, Csubj, Obj, Iobj, Obl, OblAgent, Nmod, Poss, Case, Mark, Aux, AuxPass, Cop, Advmod,
    Neg, Xcomp, Ccomp, Advcl, Acl, Relcl, Conj, Cc, Prt, Compound, Amod, Flat, Appos, Det, Punct, Parataxis, Expl, Dep,
    Vocative, Dislocated,
}

internal static class Rels
{
    private const byte Unknown = byte.MaxValue;
    /// <summary>The relation of each deprel id seen so far (StringStore ids are dense), <see cref="Unknown"/> where not
    /// classified yet: read without a lock on every token of every sentence graph; replaced whole when it grows.</summary>
    private static byte[] _byId = NewCache(64);
    private static readonly Lock Grow = new();

    public static Rel Of(int deprelId)
    {
        var cache = Volatile.Read(ref _byId);
        if ((uint)deprelId < (uint)cache.Length && cache[deprelId] != Unknown) return (Rel)cache[deprelId];
        return Add(deprelId);
    }

    private static Rel Add(int deprelId)
    {
        var rel = Classify(StringStore.Get(deprelId));
        lock (Grow)
        {
            var cache = _byId;
            if (deprelId >= cache.Length)
            {
                var larger = NewCache(Math.Max(deprelId + 1, cache.Length * 2));
                cache.CopyTo(larger, 0);
                cache = larger;
            }
            cache[deprelId] = (byte)rel;
            Volatile.Write(ref _byId, cache);
        }
        return rel;
    }

    private static byte[] NewCache(int length)
    {
        var cache = new byte[length];
        Array.Fill(cache, Unknown);
        return cache;
    }

    private static Rel Classify(string d) => d switch
    {
        "root" => Rel.Root,
        "nsubj" or "nsubj:outer" => Rel.Nsubj,
        "nsubj:pass" or "nsubjpass" => Rel.NsubjPass,
        "csubj" or "csubj:pass" => Rel.Csubj,
        "obj" or "dobj" => Rel.Obj,
        "iobj" => Rel.Iobj,
        "obl:agent" => Rel.OblAgent,
        "nmod:poss" => Rel.Poss,
        "case" => Rel.Case,
        "mark" => Rel.Mark,
        "aux" => Rel.Aux,
        "aux:pass" or "auxpass" => Rel.AuxPass,
        "cop" => Rel.Cop,
        "advmod" => Rel.Advmod,
        "neg" => Rel.Neg,
        "xcomp" => Rel.Xcomp,
        "ccomp" => Rel.Ccomp,
        "advcl" => Rel.Advcl,
        "acl:relcl" => Rel.Relcl,
        "conj" => Rel.Conj,
        "cc" => Rel.Cc,
        "compound:prt" or "prt" => Rel.Prt,
        "amod" => Rel.Amod,
        "appos" => Rel.Appos,
        "det" or "det:predet" => Rel.Det,
        "punct" => Rel.Punct,
        "parataxis" => Rel.Parataxis,
        "expl" => Rel.Expl,
        "dep" => Rel.Dep,
        "vocative" => Rel.Vocative,
        "dislocated" => Rel.Dislocated,
        _ when d.StartsWith("obl", StringComparison.Ordinal) => Rel.Obl,
        _ when d.StartsWith("nmod", StringComparison.Ordinal) => Rel.Nmod,
        _ when d.StartsWith("acl", StringComparison.Ordinal) => Rel.Acl,
        _ when d.StartsWith("compound", StringComparison.Ordinal) => Rel.Compound,
        _ when d.StartsWith("flat", StringComparison.Ordinal) || d == "fixed" => Rel.Flat,
        _ when d.StartsWith("advcl", StringComparison.Ordinal) => Rel.Advcl,
        _ when d.StartsWith("obj", StringComparison.Ordinal) => Rel.Obj,
        _ when d.StartsWith("nsubj", StringComparison.Ordinal) => Rel.Nsubj,
        _ => Rel.Other,
    };
}

/// <summary>
/// The dependency tree of one sentence as child lists over the document's token array (absolute token indices),
/// with each token's relation classified once. Buffers are owned by the caller (pooled per document).
/// </summary>
internal readonly ref struct SentenceGraph
{
    private readonly ReadOnlySpan<TokenData> _tokens;
    private readonly Span<int> _firstChild;
    private readonly Span<int> _nextSibling;
    private readonly Span<Rel> _rel;
    public readonly int First;
    public readonly int End;

    public SentenceGraph(ReadOnlySpan<TokenData> tokens, int first, int end, Span<int> firstChild, Span<int> nextSibling, Span<Rel> rel)
    {
        _tokens = tokens; First = first; End = end;
        _firstChild = firstChild; _nextSibling = nextSibling; _rel = rel;
        int n = end - first;
        firstChild[..n].Fill(-1);
        nextSibling[..n].Fill(-1);
        // Insert children in reverse so each list ends up in sentence order.
        for (int t = end - 1; t >= first; t--)
        {
            ref readonly var td = ref tokens[t];
            rel[t - first] = Rels.Of(td.Deprel);
            int h = td.Head;
            if (h < first || h >= end || h == t) continue;
            nextSibling[t - first] = firstChild[h - first];
            firstChild[h - first] = t;
        }
    }

    public ref readonly TokenData this[int token] => ref _tokens[token];
    public int Lemma(int token) => _tokens[token].Lemma;
    public Rel RelOf(int token) => _rel[token - First];
    /// <summary>Corrects the relation of a token (the coder's repairs of parser slips).</summary>
    public void SetRel(int token, Rel rel) => _rel[token - First] = rel;
    public int Head(int token) { int h = _tokens[token].Head; return h >= First && h < End ? h : -1; }
    /// <summary><paramref name="x"/> is <paramref name="ancestor"/> or lies below it, at most <paramref name="maxHops"/>
    /// dependency steps.</summary>
    public bool Dominates(int ancestor, int x, int maxHops = 31)
    {
        for (int hops = 0; x >= 0 && hops <= maxHops; hops++)
        {
            if (x == ancestor) return true;
            x = Head(x);
        }
        return false;
    }

    /// <summary>The phrase of <paramref name="head"/> begins right after <paramref name="verb"/>: every token between them lies
    /// below the head.</summary>
    public bool PhraseFollows(int verb, int head)
    {
        if (head <= verb) return false;
        for (int i = verb + 1; i < head; i++)
            if (!Dominates(head, i)) return false;
        return true;
    }

    /// <summary>The first child of <paramref name="token"/> by <paramref name="rel"/> whose lemma is one of
    /// <paramref name="lemmas"/> (an adverb of a word list, a subordinator), or -1.</summary>
    public int ChildWithLemma(int token, Rel rel, HashSet<int> lemmas)
    {
        for (int c = FirstChild(token); c >= 0; c = NextSibling(c))
            if (RelOf(c) == rel && lemmas.Contains(Lemma(c))) return c;
        return -1;
    }

    public int FirstChild(int token) => _firstChild[token - First];
    public int NextSibling(int token) => _nextSibling[token - First];
    public UPos Upos(int token) => _tokens[token].Upos;

    public int Child(int token, Rel rel)
    {
        for (int c = FirstChild(token); c >= 0; c = NextSibling(c)) if (RelOf(c) == rel) return c;
        return -1;
    }

    public bool HasChildWithLemma(int token, int[] lemmas)
    {
        for (int c = FirstChild(token); c >= 0; c = NextSibling(c))
        {
            int l = _tokens[c].Lemma;
            for (int i = 0; i < lemmas.Length; i++) if (lemmas[i] == l) return true;
        }
        return false;
    }

    public bool HasChildWithLemma(int token, Rel rel, int lemma)
    {
        for (int c = FirstChild(token); c >= 0; c = NextSibling(c)) if (RelOf(c) == rel && _tokens[c].Lemma == lemma) return true;
        return false;
    }

    /// <summary>The case marker (preposition) of a nominal, or -1.</summary>
    public int CaseOf(int token)
    {
        for (int c = FirstChild(token); c >= 0; c = NextSibling(c)) if (RelOf(c) is Rel.Case or Rel.Mark) return c;
        return -1;
    }
}
