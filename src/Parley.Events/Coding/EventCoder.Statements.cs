using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>
/// Public statements (CAMEO 01): "Blair said Bush would ...", "..., Iran's foreign ministry said". A statement is an event
/// when its reported clause codes none of its own, the speaker is an actor, and the clause names another actor it is
/// about: the speaker is the source, that actor the target (never the speaker itself, never taken from the clause as
/// the source). A clause that is an event is that event, not the report of it.
/// </summary>
public sealed partial class EventCoder
{
    /// <summary>The clause a speech verb reports: its clausal complement, a clause in parataxis, or the clause it is
    /// itself parenthetical to ("..., a senior official said"); -1 if none.</summary>
    private static int ReportedClause(in SentenceGraph g, int t)
    {
        int c = g.Child(t, Rel.Ccomp);
        if (c >= 0) return c;
        c = g.Child(t, Rel.Parataxis);
        if (c >= 0) return c;
        if (g.RelOf(t) is Rel.Parataxis or Rel.Ccomp && g.Head(t) >= 0) return g.Head(t);
        // 'said in a statement: "Many dates ... are tied to ..."': the parser hangs the quotation on the statement noun; the
        // colon after the verb opens it, and the colon's head is the quotation's clause.
        // 'said, "We expect ..."': a comma and an opening quotation mark do the same.
        for (int k = t + 1; k < g.End && k <= t + 6; k++)
        {
            if (g.Upos(k) != UPos.PUNCT) continue;
            int q = k;
            if (g.Lemma(k) == Comma && k + 1 < g.End && ActorResolver.QuoteMarks.Contains(g.Lemma(k + 1))) q = k + 1;
            else if (g.Lemma(k) != Colon) break;
            int h = g.Head(q);
            if (h > q && g.Upos(h) is UPos.VERB or UPos.AUX or UPos.ADJ or UPos.NOUN) return h;
            // 'said, "We expect ..."' parsed with the quotation hanging on its own opening mark: the mark stands for it.
            return q != k && g.FirstChild(q) > q ? q : -1;
        }
        return -1;
    }

    private static readonly int Colon = StringStore.Intern(":"), Comma = StringStore.Intern(",");

    private void CodeStatements(DocumentContext ctx, in SentenceGraph g, int sentence, int eventsBefore)
    {
        var doc = ctx.Doc;
        foreach (var (t, clause, code) in ctx.Statements)
        {
            var trace = ctx.Trace;
            // The clause is an event of its own: that event is what the sentence reports.
            bool coded = false;
            for (int i = eventsBefore; i < doc.Events.Count && !coded; i++)
            {
                int trigger = doc.TokenAt(doc.Events[i].TriggerStart);
                coded = trigger >= 0 && trigger != t && Within(g, clause, trigger, t);
            }
            if (coded)
            {
                trace?.Dropped(doc, t, code, "reported clause is an event of its own: the statement is not coded");
                continue;
            }
            if (_clauses.Unasserted(g, t) is { } why)
            {
                trace?.Dropped(doc, t, code, why);
                continue;
            }
            // "he will say", "would say": a statement yet to be made.
            if (_clauses.ModalityOf(g, t) != Modality.None)
            {
                trace?.Dropped(doc, t, code, "a statement yet to be made (modal or future): not yet an event");
                continue;
            }
            var sources = new List<ActorRef>();
            int src = _clauses.SubjectOf(g, t);
            if (src < 0 || _actors.Resolve(ctx, g, src, false, sources) == 0 && _actors.Resolve(ctx, g, src, true, sources) == 0)
            {
                trace?.Dropped(doc, t, code, src < 0 ? "statement without a speaker" : "speaker '" + ctx.TokenText(src) + "' has no actor code");
                continue;
            }
            // What a reporter or a newspaper says about others is the article's commentary, not an actor's statement.
            sources.RemoveAll(a => IsMedia(a.Code));
            if (sources.Count == 0)
            {
                trace?.Dropped(doc, t, code, "the speaker is the press: commentary, not a statement of an actor");
                continue;
            }
            // The addressee ("told Parliament"), else the first actor the clause names.
            var targets = new List<ActorRef>();
            int obj = ClauseAnalyzer.DirectObject(g, t);
            if (obj >= 0) _actors.Resolve(ctx, g, obj, false, targets, true, sources);
            int about = -1;
            if (targets.Count == 0)
            {
                if (g.Upos(clause) is UPos.NOUN or UPos.PROPN)
                {
                    // A statement's topic ("described the convention as ..."): the first actor it names.
                    if ((about = FirstActorWithin(ctx, g, clause, t, sources)) >= 0) _actors.Resolve(ctx, g, about, false, targets, true, sources);
                }
                else
                {
                    // A reported clause is about its own subject or object ("Blair said the UN must act"), not every actor
                    // named in passing ("said aid to Kenya would rise").
                    for (int c = g.FirstChild(clause); c >= 0 && about < 0; c = g.NextSibling(c))
                        if (g.RelOf(c) is Rel.Nsubj or Rel.NsubjPass or Rel.Obj or Rel.Iobj && g.Upos(c) != UPos.PRON
                            && (ctx.EntityAt[c] >= 0 || _data.Agents.RoleOf(g, c) is not null)
                            && _actors.Resolve(ctx, g, c, false, targets, true, sources) > 0) about = c;
                    // "said Labour's failure to ...", "said the pledges - set to underpin Labour's campaign - were worthless":
                    // words of blame aim at the actor named in the blamed phrase.
                    if (about < 0 && code == "010" && clause != t && BlamedActor(ctx, g, clause, t, sources) is int blamed and >= 0
                        && _actors.Resolve(ctx, g, blamed, false, targets, true, sources) > 0) about = blamed;
                }
            }
            // A statement "about" the speaker's own country ("Mr Brown said the UK must invest") is about no one else.
            // "told BBC Radio 4": the press a statement was made to is its channel, not whom it is about.
            if (obj >= 0) targets.RemoveAll(x => IsMedia(x.Code));
            // A government speaker "about" a party of its own country: in the dictionaries every party of a country is one
            // code (GBRPTY), most often the speaker's own ("Labour MPs"), so no side can be told: no target.
            targets.RemoveAll(x => x.Code.Length == 6 && x.Code.EndsWith("PTY", StringComparison.Ordinal)
                && sources.Exists(s => s.Code.Length >= 6 && s.Code.AsSpan(3, 3).SequenceEqual("GOV") && s.Code.StartsWith(x.Code[..3], StringComparison.Ordinal)));
            // "Corbyn said his Labour Party ...": what the speaker's own possessive names is the speaker's side, not another actor.
            if (obj < 0 && about >= 0 && OwnedBySpeaker(ctx, g, about, sources)) targets.Clear();
            // A person the dictionaries know only by country ("Bolton" USA) is someone else, not the country.
            targets.RemoveAll(x => !x.Generic && x.Code.Length == 3 && !(x.Entity >= 0 && doc.Entities[x.Entity].Type == "PER")
                && sources.Exists(s => s.Code.StartsWith(x.Code, StringComparison.Ordinal)));
            bool speakerIsName = g.Upos(src) == UPos.PROPN;
            if (targets.Count == 0 && !sources.Exists(a => IsPoliticalSpeaker(a) || IsState(ctx, src, speakerIsName, a)))
            {
                trace?.Dropped(doc, t, code, "statement about no other actor, by no political actor");
                continue;
            }
            // "Trump said Bolton broke the law", "argued Trump was "sowing chaos"": a statement about another actor in words
            // of blame is disapproval (111) of that actor.
            string rule = StringStore.Get(ctx.VerbLemma(g, t)) + "+statement", eventCode = code;
            if (code == "010" && targets.Count > 0 && clause != t && BlameWord(g, clause, t) is int blame and >= 0)
            {
                trace?.Step(doc, t, "the statement blames its target ('" + ctx.TokenText(blame) + "'): 010 -> 111");
                eventCode = "111"; rule += "+blame:" + StringStore.Get(g.Lemma(blame));
            }
            // "Howard said the government should apologise": what the target should do is a request of it (020).
            else if (code == "010" && targets.Count > 0 && about >= 0 && g.RelOf(about) is Rel.Nsubj && HasObligationModal(g, clause))
            {
                trace?.Step(doc, t, "the statement says what its target should do: 010 -> 020");
                eventCode = "020"; rule += "+should";
            }
            var plan = new EventPlan
            {
                Sentence = sentence, Trigger = t, Clause = t, Code = eventCode, Rule = rule,
                Confidence = 0.6, TargetHead = obj >= 0 ? obj : about,
            };
            Emit(ctx, g, plan, sources, targets);
        }
    }

    /// <summary>"should", "must", "ought" on the clause's predicate.</summary>
    private bool HasObligationModal(in SentenceGraph g, int clause)
    {
        for (int c = g.FirstChild(clause); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Aux && _w.ObligationModals.Contains(g.Lemma(c))) return true;
        return false;
    }

    /// <summary>A word of blame in the reported clause (outside the speech verb's own phrase) whose predicate is not
    /// negated ("broke the law", "a hoax", "sowing chaos"); -1 if none.</summary>
    private int BlameWord(in SentenceGraph g, int clause, int speech)
    {
        for (int k = g.First; k < g.End; k++)
        {
            if (!_w.BlameWords.Contains(g.Lemma(k)) || !Within(g, clause, k, speech)) continue;
            int predicate = k;
            while (predicate >= 0 && g.Upos(predicate) is not (UPos.VERB or UPos.AUX) && g.Child(predicate, Rel.Cop) < 0) predicate = g.Head(predicate);
            if (predicate >= 0 && _clauses.IsNegated(g, predicate)) continue;
            return k;
        }
        return -1;
    }

    /// <summary>The first actor named in the phrase a word of blame heads, or in the subject of its predicate ("Labour's
    /// failure", "the pledges ... of Labour were worthless"); -1 if none.</summary>
    private int BlamedActor(DocumentContext ctx, in SentenceGraph g, int clause, int speech, List<ActorRef> speakers)
    {
        int blame = BlameWord(g, clause, speech);
        if (blame < 0) return -1;
        int found = FirstActorWithin(ctx, g, blame, speech, speakers);
        if (found >= 0) return found;
        int predicate = blame;
        while (predicate >= 0 && g.Upos(predicate) is not (UPos.VERB or UPos.AUX) && g.Child(predicate, Rel.Cop) < 0 && g.RelOf(predicate) is not Rel.Ccomp)
            predicate = g.Head(predicate);
        if (predicate < 0 || !Within(g, clause, predicate, speech)) return -1;
        int subject = _clauses.SubjectOf(g, predicate);
        return subject >= 0 ? FirstActorWithin(ctx, g, subject, speech, speakers) : -1;
    }

    /// <summary>The phrase at <paramref name="head"/> has a possessive pronoun that stands for one of the speakers ("his party").</summary>
    private static bool OwnedBySpeaker(DocumentContext ctx, in SentenceGraph g, int head, List<ActorRef> speakers)
    {
        for (int c = g.FirstChild(head); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Poss || g.Upos(c) != UPos.PRON) continue;
            int e = ctx.EntityAt[c];
            if (e < 0) return false;
            if (ctx.IsAmong(e, speakers)) return true;
        }
        return false;
    }

    /// <summary>A country named as the speaker ("Germany says ..."): the state speaking, as its government. Not a pronoun
    /// ("it said": most often an organisation), nor a country that only qualifies the speaker ("the UK elections watchdog").</summary>
    private static bool IsState(DocumentContext ctx, int speaker, bool speakerIsName, ActorRef a) => speakerIsName && a.Code.Length == 3
        && a.Entity >= 0 && ctx.EntityAt[speaker] == a.Entity
        && ctx.Doc.Entities[a.Entity] is { Type: "LOC" or "GPE" } m && (m.Kb?.StartsWith("country:", StringComparison.Ordinal) ?? false);

    /// <summary>A speaker whose word is an event on its own (CAMEO codes a statement without a target): a government, a
    /// party, armed forces, an international organisation, a named person in office or a political figure out of it (ELI:
    /// a candidate, a former president).</summary>
    private bool IsPoliticalSpeaker(ActorRef a)
    {
        var code = a.Code.AsSpan();
        if (code.Length < 3) return false;
        if (code.StartsWith("IGO") || code.StartsWith("NGO") && code.Length > 3) return true;
        if (!_data.Countries.IsCountry(code[..3]) || code.Length < 6) return false;
        var role = code.Slice(3, 3);
        return role.SequenceEqual("GOV") || role.SequenceEqual("MIL") || role.SequenceEqual("PTY") || role.SequenceEqual("OPP") || role.SequenceEqual("ELI")
            || role.SequenceEqual("LEG") || role.SequenceEqual("JUD") || role.SequenceEqual("COP") || role.SequenceEqual("REB")
            || role.SequenceEqual("INS") || role.SequenceEqual("SPY");
    }

    private static bool IsMedia(string code) => code.Length >= 6 && code.AsSpan(3).IndexOf("MED") >= 0 && code.AsSpan(3).IndexOf("MED") % 3 == 0
        || code.StartsWith("MED", StringComparison.Ordinal);

    /// <summary><paramref name="x"/> lies in the subtree of <paramref name="clause"/> but not in that of <paramref name="except"/>.</summary>
    private static bool Within(in SentenceGraph g, int clause, int x, int except)
    {
        for (int hops = 0; x >= 0 && hops < 40; hops++)
        {
            if (x == except) return false;
            if (x == clause) return true;
            x = g.Head(x);
        }
        return false;
    }

    /// <summary>The noun-phrase head of the first named actor in <paramref name="clause"/> (outside the speech verb's own
    /// phrase) that is not the speaker; -1 if none.</summary>
    private static int FirstActorWithin(DocumentContext ctx, in SentenceGraph g, int clause, int speech, List<ActorRef> speakers)
    {
        for (int k = g.First; k < g.End; k++)
        {
            int e = ctx.EntityAt[k];
            if (e < 0 || !ctx.HasActor(e) || !Within(g, clause, k, speech)) continue;
            var m = ctx.Doc.Entities[e];
            // What a statement is about is an actor, not the town it was made in, nor a pronoun's guess.
            if (m.Type == "LOC" && !(m.Kb?.StartsWith("country:", StringComparison.Ordinal) ?? false)) continue;
            if (g.Upos(k) == UPos.PRON) continue;
            if (ctx.IsAmong(e, speakers)) continue;
            int h = ctx.NameHead(g, k);
            if (g.Head(h) is int noun and >= 0 && g.RelOf(h) is Rel.Amod or Rel.Compound or Rel.Poss && g.Upos(noun) is UPos.NOUN) h = noun;
            return h;
        }
        return -1;
    }
}
