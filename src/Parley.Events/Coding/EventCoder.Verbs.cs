using Parley.Core;
using Parley.Events.Cameo;

namespace Parley.Events;

public sealed partial class EventCoder
{
    /// <summary>Codes the verb at <paramref name="t"/>: its code (dictionary, pattern, composition with a complement), what its
    /// clause asserts, its source and target actors, then one event per pair.</summary>
    private void CodeVerb(DocumentContext ctx, SentenceGraph g, int sentence, int t, VerbEntry[] entries, string? synonymOf = null)
    {
        var trace = ctx.Trace;
        var doc = ctx.Doc;
        if (!_verbs.Decide(g, t, entries, out var m)) return;
        trace?.Step(doc, t, VerbMatcher.Describe(m));

        bool imminent = _clauses.IsImminent(g, t);
        // A verb that is the complement of a governor the dictionary or the composition rules know is coded there.
        if (g.RelOf(t) == Rel.Xcomp && !imminent)
        {
            int gov = g.Head(t);
            if (gov >= 0 && g.Upos(gov) == UPos.VERB && _verbs.GovernorCodes(g, gov))
            {
                trace?.Step(doc, t, "complement of '" + StringStore.Get(g.Lemma(gov)) + "': coded with its governor");
                return;
            }
        }

        bool rootNounSlip = _clauses.IsRootNounSlip(g, t);
        if (rootNounSlip) trace?.Step(doc, t, "parser made the subject '" + ctx.TokenText(g.Head(t)) + "' the root and the verb its modifier: read as subject and verb");
        if (!rootNounSlip && !imminent && g.RelOf(t) is Rel.Xcomp or Rel.Acl && g.Head(t) >= 0 && g.Upos(g.Head(t)) != UPos.VERB
            && ClauseAnalyzer.DetachedParticipleVerb(g, t) < 0)
        {
            trace?.Dropped(doc, t, m.Code, "infinitive depending on a noun or adjective ('the right to attack', 'ready to talk'): not asserted");
            return;
        }
        if (imminent) trace?.Step(doc, t, "'" + StringStore.Get(g.Lemma(g.Head(t))) + " to': the clause's action, stated for the near future");

        if (!_petrarch && _clauses.Unasserted(g, t) is { } why)
        {
            trace?.Dropped(doc, t, m.Code, why);
            return;
        }

        // "refused to deny claims": refusing to deny is no act. It is no denial (the REFUSE block's "+claim" pattern reached
        // through the complement's object read it as one), and CAMEO's refusals (12x) refuse cooperation, not words (issue 11).
        if (!_petrarch && _w.Refuse.Contains(g.Lemma(t)) && RefusedStatement(g, t) is int refusedWords and >= 0)
        {
            trace?.Dropped(doc, t, m.Code, "refusing to deny ('" + ctx.TokenText(refusedWords) + "'): no act");
            return;
        }

        string? code = m.Code;
        string? reverse = m.Reverse;
        VerbPattern? pattern = m.Pattern;
        // "Dr Fox refused to discuss newspaper reports": the REFUSE block's denial patterns ("+report", "+claim": 016) say
        // "denied the reports"; reached through a complement's object they misread the refusal, which composes with its
        // complement like any other (issue 11).
        if (!_petrarch && pattern is not null && code == Denial && _w.Refuse.Contains(g.Lemma(t)) && ClauseAnalyzer.ChildVerb(g, t, Rel.Xcomp) >= 0)
        {
            trace?.Step(doc, t, "a denial pattern read through the refused complement: the refusal composes with its complement instead");
            pattern = null; code = m.Entry.Code; reverse = null;
        }
        int complement = -1;
        bool composed = false;
        string lemma = m.Entry.Lemma;
        string rule = "";
        bool future = false;
        double confidence = (pattern is not null ? 0.9 : 0.75) * (synonymOf is null ? 1 : 0.8);

        // "held talks with X", "led nine rounds of talks with X": a light verb takes the code of its event-noun object.
        int eventObject = -1;
        if (pattern is null && _w.LightVerbs.Contains(g.Lemma(t)))
        {
            eventObject = EventNounObject(g, t, out string? nounCode);
            if (eventObject >= 0)
            {
                code = nounCode; reverse = null;
                rule = "+n:" + StringStore.Get(g.Lemma(eventObject));
                trace?.Step(doc, t, $"light verb '{lemma}' + event noun '{ctx.TokenText(eventObject)}' -> {code}");
            }
        }

        // "sent condolences to X", "paid tribute to X", "levelled criticism at X": a verb carrying an act noun is that act
        // (data/lang/en/speech-acts.tsv), aimed at the actor of the noun's or the verb's target phrase. A pattern's plain
        // statement or symbolic act ("paid tribute": 017) gives way when the phrase names whom the act is aimed at.
        bool actNoun = false;
        if (!_petrarch && eventObject < 0 && _acts.IsCarrier(ctx.VerbLemma(g, t))
            && ClauseAnalyzer.DirectObject(g, t) is int carried and >= 0 && _acts.OfNoun(g.Lemma(carried)) is { } carriedAct
            && (pattern is null || code is not null && CameoOntology.RootOf(code) == 1 && code != carriedAct.Code && ActNounTarget(ctx, g, carried, t, []) >= 0))
        {
            eventObject = carried; actNoun = true; pattern = null;
            trace?.Step(doc, t, $"'{lemma}' carries the act noun '{ctx.TokenText(carried)}': {code ?? "---"} -> {carriedAct.Code}");
            code = carriedAct.Code; reverse = null; rule = "+act:" + StringStore.Get(g.Lemma(carried));
        }

        // "Erdogan attacked the proclamation by Trump", "slammed the decision": force against what was said or decided is
        // words, not force: disapproval (111) of whoever the object names.
        // "Kennedy attacked Mr Brown for failing to mention the environment": force against someone for what they did or
        // failed to do (a reason clause, "for" + verb) is words too (issue 11): PETRARCH2's own "attack ... for" (111) is
        // matched on a prepositional phrase, and a parser makes "for failing" an adverbial clause, which that misses.
        bool verbalObject = false;
        if (!_petrarch && eventObject < 0 && pattern is null && code is not null && CameoOntology.RootOf(code) is 18 or 19
            && ClauseAnalyzer.DirectObject(g, t) is int said and >= 0
            && (_w.VerbalObjects.Contains(g.Lemma(said)) || ReasonClause(g, t) is int reason and >= 0 || SpeechOccasion(g, t) >= 0 && IsPerson(ctx, said)))
        {
            eventObject = said; verbalObject = true;
            bool byObject = _w.VerbalObjects.Contains(g.Lemma(said));
            int occasion = byObject || ReasonClause(g, t) >= 0 ? -1 : SpeechOccasion(g, t);
            trace?.Step(doc, t, byObject ? $"'{lemma}' with '{ctx.TokenText(said)}' for object: words, not force: {code} -> 111"
                : occasion >= 0 ? $"'{lemma}' '{ctx.TokenText(said)}' during '{ctx.TokenText(occasion)}', an occasion of speech: words, not force: {code} -> 111"
                : $"'{lemma}' '{ctx.TokenText(said)}' for what they did ('for {ctx.TokenText(ReasonClause(g, t))}'): words, not force: {code} -> 111");
            code = "111"; reverse = null;
            rule = byObject ? "+verbal:" + StringStore.Get(g.Lemma(said)) : occasion >= 0 ? "+verbal:" + StringStore.Get(g.Lemma(occasion)) : "+verbal:for";
        }

        // "Biden called Trump a clown", "called Trump's action "a betrayal"": naming someone as an insult is disapproval.
        // A pattern matched on the rest ("called X a "national embarrassment" for his performance" is no "call for") gives way.
        // The name may be any word of judgement of the speech-act words ("called Trump's conduct a "breach"": accusation,
        // 112; "called the deal "null and void"": criticism; "called the rescue "heroic"": praise, 051), found as the
        // second object, a predicate, an apposition of the one named or, as parsers often attach a quoted name, a
        // parataxis of the verb (issue 11, Wikinews misses).
        if (!_petrarch && eventObject < 0 && _w.NamingVerbs.Contains(g.Lemma(t)) && NamedAs(g, t, out int named, out int insult) is { } namedCode)
        {
            eventObject = named; verbalObject = true; pattern = null;
            code = namedCode; reverse = null; rule = "+named:" + StringStore.Get(g.Lemma(insult));
            trace?.Step(doc, t, $"'{lemma}' names '{ctx.TokenText(named)}' as '{ctx.TokenText(insult)}': a judgement -> {namedCode}");
        }

        // Verb senses the round-16 hand checks (issue 11) found misread, each by the kind of what the verb acts on; a pattern
        // (a matched object or phrase) keeps its own code.
        if (!_petrarch && eventObject < 0 && pattern is null && code is not null)
        {
            int obj = ClauseAnalyzer.DirectObject(g, t);
            int root = CameoOntology.RootOf(code);
            // "Labour had abused the public's trust", "abused his position": force or assault against an abstraction is a
            // figure of speech (an allegation about the subject), no act between actors.
            if (root is 18 or 19 && AbstractObject(g, t) is int abstraction and >= 0)
            {
                trace?.Dropped(doc, t, code, $"'{lemma}' '{ctx.TokenText(abstraction)}', an abstraction: a figure of speech, not force");
                return;
            }
            // "sought to demonstrate that the party had changed", "to demonstrate the "central role" Mr Brown will play": a
            // verb of protest with a clause for its complement, or one that also means showing (data/lang/en/coder-words.tsv)
            // with an object, shows something; it is no protest ("protested the war" stays one).
            if (root == 14 && (ClauseAnalyzer.ChildVerb(g, t, Rel.Ccomp) is int shown and >= 0
                || _w.ShowingVerbs.Contains(g.Lemma(t)) && (shown = ClauseAnalyzer.DirectObject(g, t)) >= 0))
            {
                trace?.Dropped(doc, t, code, $"'{lemma}' with the clause '{ctx.TokenText(shown)}': shows something, no protest");
                return;
            }
            // "defended President Bush for guaranteeing resources", "defended his record", "defending Britain's past
            // history": defending a person, what was said or decided, or an abstraction is words, CAMEO's 052 (defend
            // verbally), not military protection (074), which needs a place, a people or forces (the block's own patterns:
            // "defend the town" 152, "by troops" 150).
            if (code == MilitaryProtection && obj >= 0 && (IsPerson(ctx, obj) || _w.VerbalObjects.Contains(g.Lemma(obj)) || AbstractObject(g, t) >= 0))
            {
                trace?.Step(doc, t, $"'{lemma}' '{ctx.TokenText(obj)}', a person or what was said: words, {code} -> {VerbalDefence}");
                code = VerbalDefence; reverse = null; rule = "+verbal:" + StringStore.Get(g.Lemma(obj));
            }
        }

        int xc = ClauseAnalyzer.ChildVerb(g, t, Rel.Xcomp);
        if (xc >= 0 && _clauses.IsImminent(g, xc))
        {
            trace?.Step(doc, t, "'" + lemma + " to': its complement '" + ctx.TokenText(xc) + "' is the action, coded there");
            return;
        }
        if (xc >= 0 && pattern is null && eventObject < 0)
        {
            var cEntries = _verbs.Lookup(g.Lemma(xc));
            VerbMatch cm = default;
            bool hasC = cEntries is not null && _verbs.Decide(g, xc, cEntries, out cm) && cm.Code is not null;
            int govLemma = g.Lemma(t);
            string cLemma = StringStore.Get(g.Lemma(xc));
            if (_w.Refuse.Contains(govLemma))
            {
                code = hasC ? _ontology.RejectOf(cm.Code!) ?? (_petrarch ? cm.Code : null) : null;
                reverse = null;
                rule = ">" + cLemma;
                composed = true;
                trace?.Step(doc, t, hasC ? $"refuse + '{cLemma}' ({cm.Code}) -> reject {code}" : $"refuse + uncoded '{cLemma}': no event");
            }
            else if (_w.Intent.Contains(govLemma) && hasC && !(_petrarch && code is not null))
            {
                code = _petrarch ? cm.Code : _ontology.IntentOf(cm.Code!);
                reverse = _petrarch ? cm.Reverse : null;
                rule = ">" + cLemma;
                composed = true;
                trace?.Step(doc, t, $"intent + '{cLemma}' ({cm.Code}) -> {code}");
            }
            else if (code is null && hasC && !_w.NonFactive.Contains(govLemma))
            {
                code = cm.Code; reverse = cm.Reverse; pattern = cm.Pattern;
                rule = ">" + cLemma + (cm.Pattern?.Label ?? "");
                composed = true;
                confidence = cm.Pattern is not null ? 0.85 : 0.7;
                trace?.Step(doc, t, $"'{lemma}' passes its complement '{cLemma}' through ({code})");
            }
            if (composed) { complement = xc; confidence *= 0.95; }
        }

        bool negated = _clauses.IsNegated(g, t);
        if (_petrarch && negated && !composed && code is not null && _data.Negations?.Negate(code) is { } notCode)
        {
            // UD-PETRARCH's internal coding ontology: a negated verb codes the ontology's "not" of its code ("won't clash": 110 -> 050).
            trace?.Step(doc, t, $"negated: {code} -> {notCode} (the coding ontology's 'not')");
            code = notCode;
            reverse = reverse is null ? null : _data.Negations.Negate(reverse) ?? reverse;
        }
        if (!_petrarch)
        {
            if (negated)
            {
                trace?.Dropped(doc, t, code, "negated: not an event");
                return;
            }
            // "gave no details", "conducts no trade": the act is denied. A speech verb's "said no list has been drawn up"
            // ("SAY NO PROGRESS") is its content misread as the object, and a pattern that names the "no" ("give no further
            // information": 011) codes the refusal itself.
            if (code is not null && _clauses.NegatedObject(g, t) is int no and >= 0 && !(_ontology.IsStatement(code) && (pattern is null || _w.SpeechVerbs.Contains(g.Lemma(t))))
                && !NamesWord(pattern, g.Lemma(no)))
            {
                trace?.Dropped(doc, t, code, $"its object is denied ('{ctx.TokenText(no)}'): not an event");
                return;
            }
            // "officials normally meet in the summer to discuss ...": the habit of the clause or of the one it serves.
            if (code is not null && (_clauses.HabitualAdverb(g, t) is int habit and >= 0
                || g.RelOf(t) is Rel.Xcomp or Rel.Advcl && g.Head(t) is int served and >= 0 && (habit = _clauses.HabitualAdverb(g, served)) >= 0))
            {
                trace?.Dropped(doc, t, code, $"a habit ('{ctx.TokenText(habit)}'): no particular event");
                return;
            }
            if (code is not null && composed && _clauses.ModalityOf(g, t) == Modality.Possible && !IsReportedFuture(g, t))
            {
                trace?.Dropped(doc, t, code, "modal auxiliary (may/could/would/should...) on the governor: not asserted");
                return;
            }
            // "Rioters will face a summary trial": what the subject is to undergo (a pattern's reverse, no act of its own) under a
            // modal or future has not happened, and the subject intends nothing of it: no event (issue 11, Reuters).
            if (code is null && reverse is not null && !composed && _clauses.ModalityOf(g, t) != Modality.None)
            {
                trace?.Dropped(doc, t, reverse, "what its subject is to undergo, stated for the future or as possible: no event yet");
                return;
            }
            if (code is not null && !composed)
            {
                var modal = _clauses.ModalityOf(g, t);
                if (modal == Modality.Possible && IsReportedFuture(g, t)) modal = Modality.Future;
                if (modal == Modality.Possible)
                {
                    trace?.Dropped(doc, t, code, "modal auxiliary (may/could/would/should...): not asserted");
                    return;
                }
                if (modal == Modality.Future && _clauses.IsForecast(g, t))
                {
                    trace?.Dropped(doc, t, code, "others' forecast ('" + StringStore.Get(g.Lemma(g.Head(t))) + " to'): no intention of its actor, no event yet");
                    return;
                }
                if (modal == Modality.Future)
                {
                    // A request yet to be made ("Ecuador will ask OPEC to raise its quota", "will this week seek clarification
                    // from the U.S.") has not happened and CAMEO has no intent to appeal: no event (issue 11, Reuters). An
                    // intent stated is one already (03), and so is a threat (13).
                    string was = code;
                    // "Merchants will go to the CME or anywhere to trade": the future of a bare plural ("merchants", "traders",
                    // no article, owner or modifier) is a forecast about a kind of actor, no intention of anyone (issue 11).
                    if (_clauses.SubjectOf(g, t) is int kind and >= 0 && IsBarePlural(ctx, g, kind))
                    {
                        trace?.Dropped(doc, t, was, $"the future of a kind of actor ('{ctx.TokenText(kind)}'): a forecast, no intention");
                        return;
                    }
                    code = _ontology.HasIntent(code) ? _ontology.IntentOf(code) : _ontology.IsForce(code) ? _ontology.ThreatOf(code)
                        : CameoOntology.RootOf(code) is 3 or 13 ? code : null;
                    reverse = null;
                    rule = "@future";
                    future = true;
                    if (code is null)
                    {
                        trace?.Dropped(doc, t, was, "stated for the future: no event yet");
                        return;
                    }
                    if (code != was) trace?.Step(doc, t, $"stated for the future: {was} -> {(_ontology.IsForce(was) ? "threat" : "intent")} {code}");
                }
            }
            if (code is not null && _ontology.IsStatement(code) && pattern is null && !actNoun)
            {
                if (ReportedClause(g, t) is int reported and >= 0)
                {
                    // A statement about another actor, coded once the sentence's events are known (StatementEvents).
                    ctx.Statements.Add((t, reported, code));
                    trace?.Step(doc, t, "reported speech: a statement (" + code + ") if its clause codes no event of its own");
                }
                else if (!_petrarch && (_w.SpeechVerbs.Contains(g.Lemma(t)) || _synonyms?.IsCommunication(g.Lemma(t)) == true)
                    && !_w.DefiningVerbs.Contains(g.Lemma(t)) && StatementTopic(ctx, g, t) >= 0)
                {
                    // "Lam also spoke on the economy", "Trump described the convention as an infomercial": a statement with
                    // no clause of its own is about its object or its first oblique, if anyone; CodeStatements keeps it
                    // only for a political speaker or a named other actor.
                    int about = StatementTopic(ctx, g, t);
                    ctx.Statements.Add((t, about, code));
                    trace?.Step(doc, t, "statement without a reported clause: about '" + ctx.TokenText(about) + "'");
                }
                else trace?.Dropped(doc, t, code, "bare statement verb: 01x is coded only when a pattern calls for it");
                return;
            }
        }

        // "..., a senior official said": a reporting verb around a clause is not an event; the clause is.
        if (pattern is null && !composed && !actNoun && _w.SpeechVerbs.Contains(g.Lemma(t))
            && (g.Child(t, Rel.Ccomp) >= 0 || g.Child(t, Rel.Parataxis) >= 0 || g.RelOf(t) is Rel.Parataxis or Rel.Ccomp
                || _clauses.ClauseUnderAddressee(g, t) >= 0))
        {
            if (!_petrarch && ReportedClause(g, t) is int reported and >= 0)
            {
                ctx.Statements.Add((t, reported, "010"));
                trace?.Step(doc, t, "reporting verb: a statement (010) if its clause codes no event of its own");
            }
            else trace?.Dropped(doc, t, code, "reporting verb: the reported clause is the event, not the report");
            return;
        }

        // "argued that Mr Sharon was committed", "warned that firms could be crippled": a verb with a clause for its
        // complement and no addressee states that clause; without a pattern saying otherwise it is no event of its own.
        // A promise or a demand stating its clause is that act ("promised each victim will receive a payout": 03; "demanded
        // that the troops leave": 10), its target the clause's subject.
        if (!_petrarch && pattern is null && !composed && eventObject < 0 && g.Child(t, Rel.Ccomp) >= 0
            && ClauseAnalyzer.DirectObject(g, t) < 0 && !DescribesItsNoun(g, t) && !(code is not null && (_ontology.IsStatement(code) || CameoOntology.RootOf(code) is 3 or 10)))
        {
            if (_synonyms?.IsCommunication(g.Lemma(t)) == true)
            {
                // "reaffirmed that", "indicated that": a statement, coded if its clause is no event of its own.
                ctx.Statements.Add((t, g.Child(t, Rel.Ccomp), "010"));
                trace?.Step(doc, t, "verb of communication stating a clause: a statement (010) if its clause codes no event of its own");
            }
            else trace?.Dropped(doc, t, code, "verb stating a clause ('" + lemma + " that ...'): the clause is what it reports");
            return;
        }

        // "said the Taliban attacked": a statement verb's pattern on its reported clause ("SAID * ATTACK") describes that
        // clause, which its own verb codes with its own subject; coded here, the speaker would become the attacker.
        if (code is not null && pattern is not null && !composed && m.Entry.Block.DefaultCode is { } blockCode && _ontology.IsStatement(blockCode)
            && !_ontology.IsStatement(code) && (g.Child(t, Rel.Ccomp) >= 0 || g.Child(t, Rel.Parataxis) >= 0))
        {
            trace?.Dropped(doc, t, code, "statement verb: its pattern describes the reported clause, which is coded by its own verb");
            return;
        }

        if (code is null && reverse is null)
        {
            trace?.Dropped(doc, t, null, pattern is not null ? "pattern gives the null code" : "verb has no code without a matching pattern");
            return;
        }

        // Arguments of a composed or pattern-matched complement ("refused to resume talks with X") are found in it.
        int clause = complement >= 0 ? complement : xc >= 0 ? xc : t;
        var args = new Arguments(t, clause, complement, m, pattern, eventObject, rootNounSlip, verbalObject, actNoun);
        var sources = new List<ActorRef>();
        var targets = new List<ActorRef>();
        if (!FindArguments(ctx, g, ref args, sources, targets, code ?? reverse!)) return;

        // "the administration announced deals between Israel and Bahrain": the parties a "between" phrase names are each
        // other's partners; a source outside them did nothing material with them. (Words about them are about them:
        // "welcomed a resumption of ties between X and Y", "mediated between X and Y".)
        if (!_petrarch && targets.Count > 0 && code is not null && CameoOntology.RootOf(code) >= 6 && AllBetweenOthers(g, t, sources, targets))
        {
            trace?.Dropped(doc, t, code, "the targets are the parties of a 'between' phrase the source is not among: nothing material between them and it");
            return;
        }

        // "Howard attacked Labour over immigration": force against a political party is words (111).
        if (!_petrarch && code is not null && CameoOntology.RootOf(code) is 18 or 19 && targets.Count > 0
            && targets.TrueForAll(a => a.InOffice || a.Code.Length >= 6 && (a.Code.EndsWith("PTY", StringComparison.Ordinal) || a.Code.EndsWith("OPP", StringComparison.Ordinal))))
        {
            trace?.Step(doc, t, $"'{lemma}' against a political party: words, not force: {code} -> 111");
            code = "111"; reverse = null; rule += "+verbal:party";
        }

        // "Mashal Khan was killed by a mob": CAMEO 19 is fighting between armed forces; violence by a crowd, civilians or
        // criminals against a person is assault (18) (issue 11).
        if (!_petrarch && code is not null && CameoOntology.RootOf(code) == 19 && sources.Count > 0
            && sources.TrueForAll(a => a.Code.Length >= 3 && Array.IndexOf(UnarmedRoles, a.Code[^3..]) >= 0))
        {
            trace?.Step(doc, t, $"'{lemma}' by civilians or criminals: assault, not armed conflict: {code} -> 180");
            code = "180"; reverse = null; rule += "+assault:unarmed";
        }

        // "Speaking on BBC One's Breakfast with Frost, he said ...": talking to the press while making a statement is the
        // statement's channel (as "told BBC Radio 4" is), not a consultation of the press (issue 11).
        if (!_petrarch && code is not null && CameoOntology.RootOf(code) == 4 && targets.Count > 0 && targets.TrueForAll(a => IsMedia(a.Code))
            && g.RelOf(t) == Rel.Advcl && g.Head(t) is int stated and >= 0 && _w.SpeechVerbs.Contains(g.Lemma(stated)))
        {
            trace?.Dropped(doc, t, code, $"talking to the press while stating ('{ctx.TokenText(stated)}'): the statement's channel, not a consultation");
            return;
        }

        // "Trump held his first indoor rally in three months": a party's, candidate's or government's rally is campaigning.
        if (!_petrarch && code is not null && CameoOntology.RootOf(code) == 14 && sources.TrueForAll(a => IsPoliticalSpeaker(a) || a.Code.EndsWith("ELI", StringComparison.Ordinal))
            && IsCampaigning(g, t))
        {
            trace?.Dropped(doc, t, code, "a rally of a party, candidate or government: campaigning, not protest");
            return;
        }

        // A paired pattern's reverse ("clashed with X": each attacked the other) is about the actor its preposition names;
        // when the target is the verb's object ("attacked X with drones") the preposition names a means, not a side.
        if (!_petrarch && reverse is not null && code is not null && args.TargetHead >= 0 && g.RelOf(args.TargetHead) == Rel.Obj)
        {
            trace?.Step(doc, t, $"target is the object: no reverse {reverse}");
            reverse = null;
        }
        if (rule.Length == 0 || rule[0] != '>') rule = (pattern?.Label ?? VerbMatcher.ParticleLabel(m.Entry)) + rule;
        var place = EventPlace(ctx, g, t, clause, eventObject, args.SourceHead, args.TargetHead);
        var plan = new EventPlan
        {
            Sentence = sentence, Trigger = t, Clause = clause, Code = code, Reverse = reverse,
            Rule = lemma + (synonymOf is null ? "" : "~" + StringStore.Get(g.Lemma(t))) + rule,
            Confidence = confidence, Negated = negated, Place = place, HasPattern = pattern is not null, TargetHead = args.TargetHead,
            Future = future,
        };
        Emit(ctx, g, plan, sources, targets);
    }

    /// <summary>Whether <paramref name="pattern"/>'s words include <paramref name="lemma"/> ("give+no+further+&amp;INFORMATION").</summary>
    private static bool NamesWord(VerbPattern? pattern, int lemma)
    {
        if (pattern is null) return false;
        var word = StringStore.Get(lemma);
        foreach (var part in pattern.Label.Split('+'))
            if (part.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Roles of actors who are no armed force: their violence is assault (18), not fighting (19).</summary>
    private static readonly string[] UnarmedRoles = ["CVL", "CRM"];

    /// <summary>The verb is a campaign word ("rallied") or holds one as object, itself or through the verbs it governs
    /// ("continued to hold campaign rallies": the code comes from "hold" under "continue").</summary>
    private bool IsCampaigning(in SentenceGraph g, int t)
    {
        for (int x = t, hops = 0; x >= 0 && hops < 4; x = g.Child(x, Rel.Xcomp), hops++)
        {
            if (_w.CampaignWords.Contains(g.Lemma(x))) return true;
            if (ClauseAnalyzer.DirectObject(g, x) is int rally and >= 0 && _w.CampaignWords.Contains(g.Lemma(rally))) return true;
        }
        return false;
    }

    /// <summary>
    /// The one named and the insult of a naming verb: its first nominal object (obj, iobj or xcomp, as parsers vary) and a
    /// second nominal among the verb's objects or the first's apposition whose head is a pejorative noun.
    /// </summary>
    private string? NamedAs(in SentenceGraph g, int t, out int named, out int insult)
    {
        named = insult = -1;
        string? code = null;
        for (int c = g.FirstChild(t); c >= 0 && code is null; c = g.NextSibling(c))
        {
            if (g.RelOf(c) is not (Rel.Obj or Rel.Iobj or Rel.Xcomp or Rel.Parataxis)) continue;
            if (g.Upos(c) is not (UPos.NOUN or UPos.PROPN or UPos.PRON or UPos.ADJ)) continue;
            int word = c;
            string? judged = Judgement(g, c);
            if (named < 0 && judged is null && g.RelOf(c) != Rel.Parataxis && g.Upos(c) != UPos.ADJ)
            {
                // "calling it "null and void"": what "it" names is a thing (a deal, a plan), judged as such; a resolver
                // that makes it a country names the wrong actor.
                if (_w.PronounsIt.Contains(g.Lemma(c))) return null;
                named = c;
            }
            else if (named >= 0 && c > named && !(g.RelOf(c) == Rel.Parataxis && HasOwnClause(g, c))
                && (judged ?? JudgementAmong(g, c, Rel.Conj, out word)) is { } j) { insult = word; code = j; }
        }
        if (named >= 0 && code is null && JudgementAmong(g, named, Rel.Appos, out int appos) is { } a)
        {
            insult = appos; code = a;
        }
        return code;
    }

    /// <summary>The act a word names someone as: an insult of pejorative_nouns (111) or a word of judgement of the
    /// speech-act words (criticism 111, accusation 112, praise 051); null for any other word.</summary>
    private string? Judgement(in SentenceGraph g, int x)
    {
        if (_w.PejorativeNouns.Contains(g.Lemma(x))) return "111";
        return _acts.OfWord(g.Lemma(x), false) is { Code: "111" or "112" or "051" } act ? act.Code : null;
    }

    /// <summary>The act of the first child of <paramref name="x"/> by <paramref name="rel"/> (an apposition of the one
    /// named; a conjunct of a predicate: "null and void"), that is a word of judgement; null if none.</summary>
    private string? JudgementAmong(in SentenceGraph g, int x, Rel rel, out int word)
    {
        word = -1;
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == rel && Judgement(g, c) is { } j) { word = c; return j; }
        return null;
    }

    /// <summary>The word heads a clause of its own (a subject or copula): "..., the talks were excellent" names no one.</summary>
    private static bool HasOwnClause(in SentenceGraph g, int x)
    {
        for (int c = g.FirstChild(x); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) is Rel.Nsubj or Rel.NsubjPass or Rel.Cop) return true;
        return false;
    }

    /// <summary>The verb of a reason clause of <paramref name="t"/> ("for failing to ...": an adverbial clause whose marker
    /// is a reason subordinator and whose head is a verb); -1 if none.</summary>
    private int ReasonClause(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Advcl && g.Upos(c) == UPos.VERB && c > t)
                for (int m = g.FirstChild(c); m >= 0; m = g.NextSibling(m))
                    if (g.RelOf(m) == Rel.Mark && _w.ReasonMarks.Contains(g.Lemma(m))) return c;
        return -1;
    }

    /// <summary>The phrase at <paramref name="x"/> names a person ("Biden"; not "the House of Commons chamber").</summary>
    private static bool IsPerson(DocumentContext ctx, int x) => ctx.EntityAt[x] is int e and >= 0 && ctx.Doc.Entities[e].Type == "PER";

    /// <summary>"attacked Biden during Democratic debates" (a person attacked during a debate: "stormed the chamber during
    /// a debate" is force), "in an interview": an oblique of <paramref name="t"/> under a
    /// circumstance preposition headed by an occasion of speech (data/lang/en/coder-words.tsv), or -1.</summary>
    private int SpeechOccasion(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Obl && _w.SpeechOccasions.Contains(g.Lemma(c)) && ClauseAnalyzer.HasCase(g, c, _w.CircumstancePreps)) return c;
        return -1;
    }

    /// <summary>"refused to deny claims": the complement of a refusal verb when the dictionary codes it a denial (016), or -1.
    /// ("Declined to comment" stays CAMEO's own 011, decline comment.)</summary>
    private int RefusedStatement(in SentenceGraph g, int t)
    {
        int xc = ClauseAnalyzer.ChildVerb(g, t, Rel.Xcomp);
        if (xc < 0 || _verbs.Lookup(g.Lemma(xc)) is not { } entries || !_verbs.Decide(g, xc, entries, out var cm)) return -1;
        return cm.Code == Denial ? xc : -1;
    }

    /// <summary>An object of <paramref name="t"/> that names an abstraction (data/lang/en/coder-words.tsv abstract_objects:
    /// "trust", "position"), or -1. Every object is read: a parser may make a "that" the first ("Labour had abused the
    /// public's trust" below "told delegates that").</summary>
    private int AbstractObject(in SentenceGraph g, int t)
    {
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Obj && _w.AbstractObjects.Contains(g.Lemma(c))) return c;
        return -1;
    }

    private const string Denial = "016";
    /// <summary>CAMEO 074, provide military protection or peacekeeping; 052, defend verbally.</summary>
    private const string MilitaryProtection = "074", VerbalDefence = "052";

    /// <summary>Every target lies in a "between" phrase under verb <paramref name="verb"/> that no source lies in.</summary>
    private bool AllBetweenOthers(in SentenceGraph g, int verb, List<ActorRef> sources, List<ActorRef> targets)
    {
        foreach (var a in targets)
        {
            int b = BetweenPhrase(g, a.Token, verb);
            if (b < 0) return false;
            foreach (var x in sources) if (x.Token >= g.First && x.Token < g.End && Within(g, b, x.Token, verb)) return false;
        }
        return true;
    }

    /// <summary>The "between" phrase (nmod or obl) that <paramref name="token"/> lies in, below the verb <paramref name="verb"/>; -1 if none.</summary>
    private int BetweenPhrase(in SentenceGraph g, int token, int verb)
    {
        // A target referred back to from another sentence ("canceled the talks") is in no phrase of this one.
        if (token < g.First || token >= g.End) return -1;
        for (int x = token, hops = 0; x >= 0 && x != verb && hops < 6; x = g.Head(x), hops++)
            if (g.RelOf(x) is Rel.Nmod or Rel.Obl && ClauseAnalyzer.HasCase(g, x, _w.BetweenPreps)) return x;
        return -1;
    }

    /// <summary>What a statement without a clause is about: the verb's object, else its first oblique that is no date
    /// ("spoke on the economy"); -1 for none ("Khalilzad spoke.").</summary>
    private static int StatementTopic(DocumentContext ctx, in SentenceGraph g, int t)
    {
        int about = ClauseAnalyzer.DirectObject(g, t);
        for (int c = g.FirstChild(t); c >= 0 && about < 0; c = g.NextSibling(c))
            if (g.RelOf(c) == Rel.Obl && !ctx.IsDate(c)) about = c;
        return about;
    }

    /// <summary>"the problem OPEC faces is excess oil supply": a relative clause with a subject of its own (no relative pronoun)
    /// has its noun for its object, so its verb, other than a verb of saying ("a project Seoul has said is aimed at ..."),
    /// states no clause of its own; the clause the parser hangs on it is the sentence's. Not one with a "that" of its own or on
    /// its clause ("said yesterday that China had promised that ...", "told the network he agreed that ..."): a content clause
    /// the parser misread as relative.</summary>
    private bool DescribesItsNoun(in SentenceGraph g, int t) =>
        g.RelOf(t) == Rel.Relcl && g.Child(t, Rel.Nsubj) is int s and >= 0 && !_w.RelativePronouns.Contains(g.Lemma(s))
        && !_w.SpeechVerbs.Contains(g.Lemma(t)) && g.Child(t, Rel.Mark) < 0 && !(g.Child(t, Rel.Ccomp) is int said and >= 0 && g.HasChildWithLemma(said, Rel.Mark, That));

    private static readonly int PluralNoun = StringStore.Intern("NNS");

    /// <summary>A plural common noun with nothing of its own (no article, owner, modifier or name): a kind of actor
    /// ("merchants", "traders"), not particular ones.</summary>
    private static bool IsBarePlural(DocumentContext ctx, in SentenceGraph g, int n) =>
        g.Upos(n) == UPos.NOUN && g[n].Xpos == PluralNoun && ctx.EntityAt[n] < 0 && g.FirstChild(n) < 0;

    /// <summary>"said it would support", "announced they would meet": "would" in a clause reported by a speech or intention
    /// verb is the future of the past, not a possibility.</summary>
    private bool IsReportedFuture(in SentenceGraph g, int t)
    {
        // "said she would prefer Biden not participate": a wish held now, not the future of the past (issue 11).
        if (_w.PreferenceVerbs.Contains(g.Lemma(t))) return false;
        bool would = false;
        for (int c = g.FirstChild(t); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) == Rel.Aux && StringStore.Get(g.Lemma(c)) is "would" or "'d") would = true;
            // "said he would have preferred": a counterfactual, not the future of the past.
            if (g.RelOf(c) == Rel.Aux && g.Lemma(c) == _w.Have) return false;
        }
        if (!would || g.RelOf(t) != Rel.Ccomp) return false;
        int h = g.Head(t);
        if (h < 0 || g.Upos(h) != UPos.VERB || _w.NonFactive.Contains(g.Lemma(h))) return false;
        // The speaker's own intention ("Hungary said it would support"), not a prediction about others ("said the changes
        // would force Britain to ...").
        int subject = g.Child(t, Rel.Nsubj);
        return subject >= 0 && g.Upos(subject) == UPos.PRON;
    }

    /// <summary>The event noun a light verb takes its meaning from: its object ("held talks") or the object's "of" phrase
    /// ("led nine rounds of talks"); -1 if none.</summary>
    private int EventNounObject(in SentenceGraph g, int t, out string? code)
    {
        code = null;
        int o = g.Child(t, Rel.Obj);
        if (o < 0) return -1;
        code = _data.EventNouns.CodeOf(g.Lemma(o));
        if (code is not null) return o;
        for (int c = g.FirstChild(o); c >= 0; c = g.NextSibling(c))
        {
            if (g.RelOf(c) != Rel.Nmod || !g.HasChildWithLemma(c, Rel.Case, _w.Of)) continue;
            code = _data.EventNouns.CodeOf(g.Lemma(c));
            if (code is not null) return c;
        }
        return -1;
    }
}
