using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

internal sealed partial class ActorResolver
{
    /// <summary>Where a title stands before a name: a compound, flat or adjective modifier, or a caseless nominal modifier
    /// (UD's nmod:desc, "Fornost President Umbardacil", which the parser gives titles it reads as descriptions).</summary>
    private static bool IsPrenominalTitleSlot(in SentenceGraph g, int c) =>
        g.RelOf(c) is Rel.Compound or Rel.Flat or Rel.Amod || g.RelOf(c) == Rel.Nmod && g.CaseOf(c) < 0;

    /// <summary>A chain of words before a noun, each modifying the next: "Danish Islamist media", with "Danish" hung on
    /// "Islamist". When the modifier <paramref name="c"/> of <paramref name="head"/> names no actor, a name among its own
    /// prenominal modifiers is the noun's. Returns whether one was added.</summary>
    private bool NestedModifierActors(DocumentContext ctx, in SentenceGraph g, int c, int head, List<ActorRef> into)
    {
        if (c > head || g.RelOf(c) is not (Rel.Amod or Rel.Compound)) return false;
        for (int d = g.FirstChild(c); d >= 0 && d < c; d = g.NextSibling(d))
        {
            if (g.RelOf(d) is not (Rel.Amod or Rel.Compound) || ctx.EntityAt[d] == ctx.EntityAt[c] && ctx.EntityAt[c] >= 0) continue;
            int e = ctx.EntityAt[d];
            if (e < 0 || ctx.ActorEntity(e) is not (int ae and >= 0) || IsStrayPartyName(ctx, ctx.Doc.Entities[ae])) continue;
            into.Add(NamedModifier(ctx, e, ae, d));
            return true;
        }
        return false;
    }

    /// <summary>The actor of a name modifying an agent noun (entity <paramref name="e"/>, coded through <paramref name="ae"/>).</summary>
    private static ActorRef NamedModifier(DocumentContext ctx, int e, int ae, int token)
    {
        var m = ctx.Doc.Entities[e];
        return new ActorRef
        {
            Entity = e, Cluster = m.Cluster, Code = TitledPersonCode(ctx, e, ae, ctx.Doc.Entities[ae].Actor!), Name = ctx.Doc.Entities[ae].Name ?? m.Name,
            Start = m.Start, End = m.End, Confidence = 0.9, Token = token, Party = ActorResolver.PartyOf(ctx, e, ae, ctx.Doc.Entities[ae].Actor!),
        };
    }

    /// <summary>The actor of a name modifying an agent noun that only the article's title for it codes (<paramref name="titled"/>).</summary>
    private static ActorRef TitledModifier(DocumentContext ctx, int e, string titled, int token)
    {
        var m = ctx.Doc.Entities[e];
        return new ActorRef
        {
            Entity = e, Cluster = m.Cluster, Code = titled, Name = m.Name ?? m.Text, Start = m.Start, End = m.End, Confidence = 0.75,
            Token = token, Party = ctx.TitleParty(e),
        };
    }

    /// <summary>A name the linker coded by its first words whose own head is an agent noun: "the Calenardhon Congressmen",
    /// "the Corvia Border Police", one mention linked to the country's code. The head's role is added when the word is not
    /// part of the linked actor's own name (the "Union" of "European Union" is its name, not a trade union).</summary>
    private string? HeadRoleBeyondName(DocumentContext ctx, in SentenceGraph g, int head, int e, int ae)
    {
        var linked = ctx.Doc.Entities[ae];
        if (linked.Kb is null || linked.Name is not { } name || g.Upos(head) is not (UPos.NOUN or UPos.PROPN)) return null;
        var m = ctx.Doc.Entities[e];
        if (ctx.Doc.Tokens[head].Start <= m.Start) return null;   // the head must follow the words the link came from
        var word = ctx.TokenText(head);
        if (name.Contains(word, StringComparison.OrdinalIgnoreCase)) return null;
        return TitleRoleOf(g, head);
    }
}
