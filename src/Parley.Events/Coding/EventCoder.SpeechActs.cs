using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

/// <summary>
/// Statements that are a more specific act than "make a statement" (CAMEO 010): a speech verb that is one ("denied that
/// ...": 016) or a reported clause in words of one ("said the plan was ludicrous": 111, "said Ardonia had done an
/// excellent job": 051, "said the claims were not true": 016), with the actor the words are about as target. The words
/// are data (data/lang/en/speech-acts.tsv, <see cref="SpeechActs"/>).
/// </summary>
public sealed partial class EventCoder
{
    private readonly SpeechActs _acts = SpeechActs.Shared;

    /// <summary>The acts the statement's speech verb or reported clause carries, each with the word that carries it (the
    /// speech verb itself for a verb act), in priority order; empty if none. Only a plain 010 becomes a more specific act.</summary>
    private List<(SpeechAct Act, int Word)> FindSpeechActs(DocumentContext ctx, in SentenceGraph g, int speech, int clause, string code)
    {
        var found = new List<(SpeechAct Act, int Word)>();
        if (code != "010") return found;
        if ((_acts.OfVerb(ctx.VerbLemma(g, speech)) ?? GoverningVerbAct(ctx, g, speech)) is { } verbAct)
        {
            found.Add((verbAct, speech));
            return found;
        }
        // "said Harry should make clear how sorry he is": what someone should do is a request of them (020), whatever the words.
        if (clause == speech || HasObligationModal(g, clause)) return found;
        for (int k = g.First; k < g.End; k++)
        {
            if (!_acts.Holds(g.Lemma(k)) || !Within(g, clause, k, speech)) continue;
            int predicate = PredicateOf(g, k);
            if (predicate < 0 || _clauses.InHypotheticalClause(g, predicate, clause)) continue;
            bool negated = NegatedUpTo(g, k, predicate);
            // "said the Lib Dems' sums do not add up": a negated phrase of conduct is its act in any tense (issue 11).
            var negatedPhrase = negated ? PhraseAt(g, k, negated: true) : null;
            // "said it never happened" denies what is claimed to have taken place; "it doesn't happen" (present) is generic,
            // and "accepted that what he thought had happened had not happened" concedes: a verb word counts only in the
            // past and as the reported clause's own predicate (issue 11).
            // A refusal ("would not accept", "cannot accept": a rejection, speech-acts.tsv) is one in any tense.
            bool refusal = negated && IsRejection(_acts.OfWord(g.Lemma(k), true));
            if (negatedPhrase is null && g.Upos(k) == UPos.VERB && negated && !StatedPast(g, k, clause) && !refusal) continue;
            if (refusal && !SpeakerRefuses(ctx, g, k, speech)) continue;
            // "said it was wrong to suggest the chancellor would usurp X": words judging a claim deny it (issue 11).
            if (!negated && _acts.OfClaimJudge(g.Lemma(k)) is { } denial && JudgesClaim(ctx, g, k))
            {
                ctx.Trace?.Step(ctx.Doc, speech, $"'{ctx.TokenText(k)}' judges a claim: the statement is {denial.Name}");
                found.Add((denial, k));
                continue;
            }
            // "said Ardonia would retaliate": a threat is what the speaker says will happen; "claim they were retaliating"
            // is a claim about what did.
            if ((_acts.OfWord(g.Lemma(k), negated) ?? (negated ? negatedPhrase : PhraseAt(g, k, negated: false))) is { } act
                && (CameoOntology.RootOf(act.Code) != 13 || _clauses.ModalityOf(g, predicate) != Modality.None))
                found.Add((act, k));
        }
        if (found.Count > 1) found.Sort((a, b) => a.Act.Priority != b.Act.Priority ? a.Act.Priority.CompareTo(b.Act.Priority) : a.Word.CompareTo(b.Word));
        return found;
    }

    /// <summary>The act of a phrase of conduct anchored at <paramref name="anchor"/> ("had broken promises", "lost the
    /// trust of", "spending too much"; speech-acts.tsv kind "phrase"), or null: each other word of the phrase lies in the
    /// anchor's own phrase (at most three dependency steps below it, five words either side) and modifies no noun outside
    /// the phrase ("spending too much time" says how long, not that the spending is too much).</summary>
    private SpeechAct? PhraseAt(in SentenceGraph g, int anchor, bool negated)
    {
        foreach (var (act, others) in _acts.PhrasesOf(g.Lemma(anchor), negated))
        {
            bool all = true;
            foreach (var spellings in others)
            {
                bool found = false;
                for (int j = Math.Max(g.First, anchor - 5); j < Math.Min(g.End, anchor + 6) && !found; j++)
                {
                    // "had broken promises": the anchor may be an adjective of the phrase's noun as well (issue 11).
                    bool modified = j == g.Head(anchor) && g.RelOf(anchor) == Rel.Amod;
                    if (j == anchor || !spellings.Contains(g.Lemma(j)) || !modified && !g.Dominates(anchor, j, 3)) continue;
                    if (modified) { found = true; continue; }
                    int h = g.Head(j), headLemma = g.Lemma(h);
                    found = h == anchor || g.Upos(h) is not (UPos.NOUN or UPos.PROPN) || Array.Exists(others, o => o.Contains(headLemma));
                }
                if (!(all = found)) break;
            }
            if (all) return act;
        }
        return null;
    }

    /// <summary>The word has as clausal subject or complement, after it, a verb of claiming that is not negated ("it was wrong
    /// to suggest ...", "it is untrue to claim ..."): it judges a claim. Not when its subject is an actor ("Mr Howard was wrong
    /// to say ...": criticism of him, found as for any word of criticism).</summary>
    private bool JudgesClaim(DocumentContext ctx, in SentenceGraph g, int word)
    {
        if (ActSubject(g, word) is int subject and >= 0 && g.Upos(subject) is UPos.NOUN or UPos.PROPN
            && (ctx.EntityAt[subject] is int e and >= 0 && ctx.HasActor(e) || _data.Agents.RoleOf(g, subject) is not null)) return false;
        for (int c = g.FirstChild(word); c >= 0; c = g.NextSibling(c))
            if (c > word && g.RelOf(c) is Rel.Csubj or Rel.Xcomp or Rel.Ccomp && _acts.IsClaimVerb(g.Lemma(c)) && !_clauses.IsNegated(g, c)) return true;
        return false;
    }

    /// <summary>"Trump denied the effect of climate change on the fires, arguing they were ...": a speech verb that says how
    /// the act of the verb it hangs on was made (an adverbial clause of it, or a clause on its object) is that act (issue
    /// 11); null if the governor is no act verb.</summary>
    private SpeechAct? GoverningVerbAct(DocumentContext ctx, in SentenceGraph g, int speech)
    {
        if (g.RelOf(speech) is not (Rel.Advcl or Rel.Acl) || g.Head(speech) is not (int governor and >= 0)) return null;
        if (g.Upos(governor) is UPos.NOUN && g.RelOf(governor) == Rel.Obj) governor = g.Head(governor);
        if (governor < 0 || g.Upos(governor) != UPos.VERB || _clauses.IsNegated(g, governor) || _acts.OfVerb(ctx.VerbLemma(g, governor)) is not { } act)
            return null;
        ctx.Trace?.Step(ctx.Doc, speech, $"says how '{ctx.TokenText(governor)}' was made: the statement is that {act.Name}");
        return act;
    }

    /// <summary>The first of <paramref name="acts"/> (allowed by <paramref name="which"/>) whose words name an actor
    /// (<see cref="ActActor"/>), with that actor's token; (-1, -1) if none.</summary>
    private (int Index, int Actor) FirstJudgedActor(DocumentContext ctx, in SentenceGraph g, int clause, int speech,
        List<(SpeechAct Act, int Word)> acts, List<ActorRef> speakers, Func<SpeechAct, bool> which)
    {
        for (int i = 0; i < acts.Count; i++)
            if (which(acts[i].Act) && ActActor(ctx, g, clause, speech, acts[i].Act, acts[i].Word, speakers) is int actor and >= 0) return (i, actor);
        return (-1, -1);
    }

    /// <summary>"commented on the Turkish-Libyan agreement, calling it "null and void" and "geographically ridiculous"": an
    /// adverbial clause of a statement about a topic that names the topic by a pronoun object and judges it in words of
    /// criticism, accusation or praise is that act of the statement (issue 11). The clause has no subject or subordinator
    /// of its own (the speaker's own manner of speaking, not "while X called it ...") and is not negated; the words lie in
    /// its predicate, not in its object; a clause coded as an event of its own ("calling it a disgrace" with "it" resolved:
    /// the insult, 111) is that event, not a second one. Returns the act and its word, or (null, -1).</summary>
    private (SpeechAct? Act, int Word) TopicJudgement(DocumentContext ctx, in SentenceGraph g, int speech, List<ActorRef> speakers, int eventsBefore)
    {
        for (int v = g.FirstChild(speech); v >= 0; v = g.NextSibling(v))
        {
            if (v < speech || g.RelOf(v) != Rel.Advcl || g.Upos(v) != UPos.VERB || _clauses.IsNegated(g, v)
                || g.Child(v, Rel.Nsubj) >= 0 || g.Child(v, Rel.NsubjPass) >= 0 || g.Child(v, Rel.Mark) >= 0
                || CodedAt(ctx, v, eventsBefore)) continue;
            int o = g.Child(v, Rel.Obj);
            if (o < 0 || g.Upos(o) != UPos.PRON || ctx.EntityAt[o] is int e and >= 0 && ctx.IsAmong(e, speakers)) continue;
            (SpeechAct? Act, int Word) best = (null, -1);
            for (int k = v + 1; k < g.End; k++)
            {
                if (!_acts.Holds(g.Lemma(k)) || !Within(g, v, k, o)) continue;
                if (_acts.OfWord(g.Lemma(k), NegatedUpTo(g, k, v)) is not { } act || TargetInPhrase(act) || CameoOntology.RootOf(act.Code) == 13) continue;
                if (best.Act is null || act.Priority < best.Act.Priority) best = (act, k);
            }
            if (best.Act is not null) return best;
        }
        return (null, -1);
    }

    /// <summary>"launched an attack on Tory spending plans, saying they are ludicrous": when the act word's predicate has
    /// as subject a pronoun, and the speech verb is an adverbial clause of a verb with an object whose phrase names an actor
    /// (not the speaker) of the pronoun's own coreference cluster, the pronoun names that object and that actor is judged:
    /// its token; -1 if none. Coreference alone is not trusted for a judged pronoun (often the speaker's side), nor is
    /// the syntax alone: both must agree.</summary>
    private int GovernorObjectActor(DocumentContext ctx, in SentenceGraph g, int speech, int word, List<ActorRef> speakers)
    {
        if (g.RelOf(speech) != Rel.Advcl || g.Head(speech) is not (int governor and >= 0) || g.Upos(governor) != UPos.VERB) return -1;
        int subject = ActSubject(g, word), obj = g.Child(governor, Rel.Obj);
        if (subject < 0 || obj < 0 || g.Upos(subject) != UPos.PRON || ctx.EntityAt[subject] is not (int se and >= 0)
            || ctx.Doc.Entities[se].Cluster < 0 || !Within(g, speech, subject, -1)) return -1;
        int named = FirstActorWithin(ctx, g, obj, speech, speakers);
        for (int k = g.First; k < g.End && named >= 0; k++)
            if (ctx.EntityAt[k] is int e and >= 0 && Within(g, obj, k, speech) && ctx.Doc.Entities[e].Cluster == ctx.Doc.Entities[se].Cluster)
                return named;
        return -1;
    }

    /// <summary>An event of this sentence (from <paramref name="eventsBefore"/> on) has its trigger at token <paramref name="v"/>.</summary>
    private static bool CodedAt(DocumentContext ctx, int v, int eventsBefore)
    {
        var doc = ctx.Doc;
        for (int i = eventsBefore; i < doc.Events.Count; i++)
            if (doc.TokenAt(doc.Events[i].TriggerStart) == v) return true;
        return false;
    }

    /// <summary>"Biden attacked Trump for the tweet, claiming ...", "congratulated Pelosi, saying ...": a speech verb in an
    /// adverbial clause of a verb coded as an event of the same speaker in this sentence is the manner of that event, not a
    /// second one ("Blair insisted ... while Brown says ..." is two speakers, two statements).</summary>
    private static bool ElaboratesCodedEvent(DocumentContext ctx, in SentenceGraph g, int speech, int eventsBefore, List<ActorRef> speakers)
    {
        if (g.RelOf(speech) is not (Rel.Advcl or Rel.Xcomp) || g.Head(speech) is not (int governor and >= 0)) return false;
        var doc = ctx.Doc;
        for (int i = eventsBefore; i < doc.Events.Count; i++)
            if (doc.TokenAt(doc.Events[i].TriggerStart) == governor && doc.Events[i].Source is { } by
                && doc.TokenAt(by.Start) is int at and >= 0 && ctx.EntityAt[at] is int e and >= 0 && ctx.IsAmong(e, speakers))
                return true;
        return false;
    }

    /// <summary>The verb <paramref name="verb"/> is past (VBD, or a participle after an auxiliary) and is the reported
    /// clause's own predicate or joined to it (conjunct, parataxis), not embedded under another verb.</summary>
    private bool StatedPast(in SentenceGraph g, int verb, int clause)
    {
        if (g[verb].Xpos != _w.PastTense && g[verb].Xpos != _w.PastParticiple) return false;
        for (int x = verb, hops = 0; x != clause; x = g.Head(x), hops++)
            if (x < 0 || hops > 6 || g.RelOf(x) is not (Rel.Conj or Rel.Parataxis)) return false;
        return true;
    }

    /// <summary>The predicate a word belongs to: itself for a verb, else the nearest head that is a verb or has a copula.</summary>
    private static int PredicateOf(in SentenceGraph g, int k)
    {
        int predicate = k;
        while (predicate >= 0 && g.Upos(predicate) is not (UPos.VERB or UPos.AUX) && g.Child(predicate, Rel.Cop) < 0) predicate = g.Head(predicate);
        return predicate;
    }

    /// <summary>The word or a phrase between it and its predicate is negated: "not true", "no impression of incompetence",
    /// "nothing wrong with X".</summary>
    private bool NegatedUpTo(in SentenceGraph g, int word, int predicate)
    {
        for (int x = word, hops = 0; x >= 0 && hops < 12; x = g.Head(x), hops++)
        {
            if (_clauses.IsNegated(g, x) || _acts.IsNegator(g.Lemma(x))) return true;
            if (x == predicate) break;
        }
        return false;
    }

    /// <summary>Acts whose target is named in the act's own phrase ("condolences to the families of X", "would retaliate
    /// against X", "the claim from X was false"), not by the reported clause's subject, which is most often the speaker's
    /// side (the threatener, the one denying, the one sorry).</summary>
    private static bool TargetInPhrase(SpeechAct act) => CameoOntology.RootOf(act.Code) is 12 or 13 || act.Code is "016" or "018" or "055";

    /// <summary>"said the government would not accept ...": the refusal is the speaker's own stand, unconditional. Not one
    /// with an if/unless clause of its own ("if they had a part in it, the government would not accept it": a condition), nor
    /// one whose subject is a person other than the speaker ("announced that Volcker would not accept a third term": his
    /// decision, reported; issue 11, Reuters).</summary>
    private bool SpeakerRefuses(DocumentContext ctx, in SentenceGraph g, int verb, int speech)
    {
        for (int c = g.FirstChild(verb); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Advcl && g.ChildWithLemma(c, Rel.Mark, _w.ConditionMarks) >= 0) return false;
        int subject = _clauses.SubjectOf(g, verb), speaker = _clauses.SubjectOf(g, speech);
        if (subject < 0 || ctx.EntityAt[subject] is not (int e and >= 0) || ctx.Doc.Entities[e].Type != "PER") return true;
        return speaker >= 0 && ctx.EntityAt[speaker] is int se and >= 0 && (se == e || ctx.Doc.Entities[se].Cluster is int cl and >= 0 && cl == ctx.Doc.Entities[e].Cluster);
    }

    /// <summary>The act is a rejection (CAMEO root 12: "said the government would not accept ..."): its predicate's subject is
    /// the one who rejects, never whom it rejects.</summary>
    private static bool IsRejection(SpeechAct? act) => act is not null && CameoOntology.RootOf(act.Code) == 12;

    /// <summary>The first actor named in the act word's own phrase (its objects, obliques, possessor, "of/for/against X"),
    /// else in the subject of its predicate ("Labour's failure", "the pledges of Labour were worthless"); -1 if none.</summary>
    private int ActActor(DocumentContext ctx, in SentenceGraph g, int clause, int speech, SpeechAct act, int word, List<ActorRef> speakers)
    {
        if (word == speech) return -1;
        // Only the word's own arguments and modifiers name whom it judges, not a clause it governs ("it was wrong to put
        // China under the embargo" judges the embargo's makers, not China).
        for (int c = g.FirstChild(word); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Poss or Rel.Nmod or Rel.Obl or Rel.Obj or Rel.Iobj or Rel.Compound or Rel.Amod) || IsPartner(g, c, act)) continue;
            int found = FirstActorWithin(ctx, g, c, speech, speakers);
            if (found >= 0) return found;
        }
        // "said he found BNP's policies "abhorrent"": a word that describes the object of a verb whose subject is the speaker
        // (the speaker's own judgement: "he found", "he called X's plans reckless"; not "the pipeline renders X's plan
        // useless") judges the actor named at or before that object's head (its possessor or modifier), not one named after
        // it ("policies towards X"), and by a name the dictionaries code itself: a coreference guess ("BNP" in a cluster
        // with "the government") is not trusted here.
        if (DescribedObject(g, word) is int described and >= 0 && Within(g, clause, described, speech)
            && _clauses.SubjectOf(g, g.Head(described)) is int judge and >= 0
            && ctx.EntityAt[judge] is int judgeEntity and >= 0 && ctx.IsAmong(judgeEntity, speakers)
            && FirstActorWithin(ctx, g, described, speech, speakers) is int inPhrase and >= 0 && inPhrase <= described
            && CodedNameBefore(ctx, g, described, speakers)) return inPhrase;
        // "Labour says the document offers only a return to a "failed Tory past"": a word of judgement modifying a noun judges
        // the actor a name before that noun names (its possessor or compound: "Tory past", "Labour's record"), wherever the
        // noun stands in the reported clause, but as a verb's object (that is the speaker's own judgement only as above: "the
        // pipeline renders Ardonia's plan useless" is not); by a name coded itself, not a pronoun or a coreference guess (issue 11).
        if (g.RelOf(word) == Rel.Amod && g.Head(word) is int judgedNoun and >= 0 && g.Upos(judgedNoun) == UPos.NOUN && g.RelOf(judgedNoun) != Rel.Obj
            && Within(g, clause, judgedNoun, speech))
            for (int c = g.FirstChild(judgedNoun); c >= 0; c = g.NextSibling(c))
                if (c < judgedNoun && g.RelOf(c) is Rel.Compound or Rel.Poss && g.Upos(c) == UPos.PROPN && ctx.EntityAt[c] is int named and >= 0
                    && ctx.Doc.Entities[named].Actor is not null && !ctx.IsAmong(named, speakers)
                    && FirstActorWithin(ctx, g, c, speech, speakers) is int modifier and >= 0) return modifier;
        int predicate = ActPredicate(g, word);
        if (predicate < 0 || !Within(g, clause, predicate, speech) || IsRejection(act)) return -1;
        int subject = ActSubject(g, word);
        // A relative pronoun's antecedent lies outside the clause and may be a list ("China, Burma and North Korea, which
        // he said had a terrible record"): no guess.
        // A clausal subject ("it was wrong to put China under ...") names what is judged, not whom.
        return subject >= 0 && Within(g, clause, subject, speech) && g.Upos(subject) is UPos.NOUN or UPos.PROPN
            ? FirstActorWithin(ctx, g, subject, speech, speakers) : -1;
    }

    /// <summary>The verb's object a word of judgement describes: the object it modifies or stands in apposition to ("found
    /// BNP's policies, "abhorrent"", as parsers read it), or the object of the verb it completes ("found BNP's policies
    /// abhorrent"); -1 if none.</summary>
    private static int DescribedObject(in SentenceGraph g, int word)
    {
        int head = g.Head(word);
        if (head < 0) return -1;
        int noun = g.RelOf(word) switch
        {
            Rel.Amod or Rel.Appos when g.Upos(head) is UPos.NOUN or UPos.PROPN => head,
            Rel.Xcomp when g.Upos(head) == UPos.VERB => g.Child(head, Rel.Obj),
            _ => -1,
        };
        return noun >= 0 && g.RelOf(noun) == Rel.Obj ? noun : -1;
    }

    /// <summary>A name that carries an actor code of its own (not by its coreference cluster), of no speaker, lies in the
    /// phrase of <paramref name="noun"/> at or before its head.</summary>
    private static bool CodedNameBefore(DocumentContext ctx, in SentenceGraph g, int noun, List<ActorRef> speakers)
    {
        for (int k = g.First; k <= noun; k++)
            if (ctx.EntityAt[k] is int e and >= 0 && ctx.Doc.Entities[e].Actor is not null && g.Upos(k) != UPos.PRON
                && !ctx.IsAmong(e, speakers) && Within(g, noun, k, -1)) return true;
        return false;
    }

    /// <summary>"not being honest with voters": a "with" phrase of a word of judgement names whom the judged actor deals
    /// with, not whom the words judge (issue 11); of an act aimed in its own phrase ("sympathise with X") it is the target.</summary>
    private bool IsPartner(in SentenceGraph g, int c, SpeechAct act) =>
        !TargetInPhrase(act) && g.RelOf(c) is Rel.Obl or Rel.Nmod && g.HasChildWithLemma(c, Rel.Case, _w.With);

    /// <summary>The predicate an act word judges from: itself for a verb, else the nearest head that is a verb, has a copula or
    /// is a reported clause; -1 if none.</summary>
    private static int ActPredicate(in SentenceGraph g, int word)
    {
        int predicate = word;
        while (predicate >= 0 && g.Upos(predicate) is not (UPos.VERB or UPos.AUX) && g.Child(predicate, Rel.Cop) < 0 && g.RelOf(predicate) is not Rel.Ccomp)
            predicate = g.Head(predicate);
        return predicate;
    }

    /// <summary>The subject of an act word's predicate (<see cref="ActPredicate"/>); a passive predicate's subject ("said
    /// Labour's rule had been characterised by failure": the words describe it); -1 if none.</summary>
    private int ActSubject(in SentenceGraph g, int word)
    {
        int predicate = ActPredicate(g, word);
        if (predicate < 0) return -1;
        int subject = _clauses.SubjectOf(g, predicate);
        return subject >= 0 ? subject : g.Child(predicate, Rel.NsubjPass);
    }
}
