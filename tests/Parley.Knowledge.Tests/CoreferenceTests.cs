using Parley.Core;
using Parley.Knowledge.Coref;
using Parley.Knowledge.Linking;
using Parley.Core.Text;

namespace Parley.Knowledge.Tests;

[Collection("minikb")]
public class CoreferenceTests(MiniKbFixture fx)
{
    private static readonly DateOnly Date = new(2019, 12, 4);

    private static Document Ner(string text, params (string Text, string Type)[] names)
    {
        var doc = new Document("c", text) { Published = Date };
        Tokenizer.Tokenize(doc);
        foreach (var (t, type) in names)
            for (int i = text.IndexOf(t, StringComparison.Ordinal); i >= 0; i = text.IndexOf(t, i + t.Length, StringComparison.Ordinal))
                if (!doc.Entities.Any(e => e.Start <= i && e.End > i))
                    doc.Entities.Add(new EntityMention { Start = i, End = i + t.Length, Text = t, Type = type, Via = "ner" });
        doc.Done |= Layers.Entities;
        return doc;
    }

    private Document Run(Document doc)
    {
        new EntityLinker(fx.Kb).Process(doc);
        new Geo.Geocoder(fx.Kb).Process(doc);
        new CoreferenceResolver().Process(doc);
        return doc;
    }

    private static EntityMention? At(Document doc, string phrase, int nth = 0)
    {
        int i = -1;
        for (int k = 0; k <= nth; k++) i = doc.Text.IndexOf(phrase, i + 1, StringComparison.Ordinal);
        return CoreferenceResolver.EntityAt(doc, doc.TokenAt(i));
    }

    [Fact]
    public void SurnamesJoinTheFullName()
    {
        var doc = Run(Ner("Envoy Zalmay Khalilzad arrived. Khalilzad met officials.", ("Zalmay Khalilzad", "PER"), ("Khalilzad", "PER")));
        var full = At(doc, "Zalmay")!;
        var surname = At(doc, "Khalilzad met")!;
        Assert.Equal(full.Cluster, surname.Cluster);
        Assert.Equal("Zalmay Khalilzad", surname.Name);
    }

    [Fact]
    public void AMayorIsNotTheCandidateForMayor()
    {
        // A candidacy is a title class of its own: "the mayor" is the office's holder, not the candidate seen before.
        var doc = Run(Ner("Mayoral candidate Wayne Tseng spoke. The candidate said the mayor had failed.", ("Wayne Tseng", "PER")));
        Assert.Equal("Wayne Tseng", At(doc, "The candidate")?.Name);
        Assert.Null(At(doc, "the mayor"));
    }

    [Fact]
    public void TitlesPointToThePersonWhoHeldThem()
    {
        var doc = Run(Ner("Special Representative Zalmay Khalilzad met Afghan President Hamid Karzai. The Special Representative said talks went well. The president disagreed.",
            ("Zalmay Khalilzad", "PER"), ("Hamid Karzai", "PER")));
        Assert.Equal("Zalmay Khalilzad", At(doc, "The Special Representative")?.Name);
        Assert.Equal(MentionKinds.CorefTitle, At(doc, "The Special Representative")?.Via);
        Assert.Equal("Hamid Karzai", At(doc, "The president")?.Name);
        Assert.Equal("AFGELI", At(doc, "The president")?.Actor); // Karzai's code on the article's date (fixture: AFGGOV until 2014)
    }

    [Fact]
    public void TitleTaggedAsAnOrganisationStillPointsToThePerson()
    {
        // The name recognizer tags the bare title "Special Representative" ORG; unlinked, it is a title, not a name.
        var doc = Run(Ner("Special Representative Zalmay Khalilzad arrived in Kabul. The Special Representative will discuss the peace talks.",
            ("Zalmay Khalilzad", "PER"), ("Kabul", "LOC"), ("Special Representative", "ORG")));
        var m = At(doc, "The Special Representative");
        Assert.Equal("Zalmay Khalilzad", m?.Name);
        Assert.Equal(MentionKinds.CorefTitle, m?.Via);
    }

    [Fact]
    public void TheGroupRefersToTheOrganisationNamedLast()
    {
        var doc = Run(Ner("Zalmay Khalilzad met the Taliban in Doha. The terrorist group has promised a ceasefire.",
            ("Zalmay Khalilzad", "PER"), ("Taliban", "ORG"), ("Doha", "LOC")));
        var m = At(doc, "The terrorist group");
        Assert.Equal("Taliban", m?.Name);
        Assert.Equal(MentionKinds.CorefTitle, m?.Via);

        // Before a name, the group noun is part of how the name is introduced.
        doc = Run(Ner("The Taliban met officials. Officials then met the movement \"Taliban\" in Doha.", ("Taliban", "ORG"), ("Doha", "LOC")));
        Assert.DoesNotContain(doc.Entities, e => e.Via == MentionKinds.CorefTitle && e.Text.StartsWith("the movement", StringComparison.Ordinal));
    }

    [Fact]
    public void PronounsAgreeInGenderAndNumber()
    {
        var doc = Run(Ner("Mrs. Angela Rossi met Zalmay Khalilzad in Kabul. She said he had brought the Taliban a letter, and they read it.",
            ("Angela Rossi", "PER"), ("Zalmay Khalilzad", "PER"), ("Kabul", "LOC")));
        Assert.Equal("Angela Rossi", At(doc, "She")?.Name);
        Assert.Equal("Zalmay Khalilzad", At(doc, "he had")?.Name);
        Assert.Equal("Taliban", At(doc, "they")?.Name);
        Assert.Equal(MentionKinds.CorefPronoun, At(doc, "they")?.Via);
    }

    [Fact]
    public void TheSpeakerOfAQuotationIsNotANameInsideIt()
    {
        // '"... Zalmay Khalilzad's record is mixed," he said': he is the man of the sentence before, not the name quoted.
        var doc = Run(Ner("Mr. Hamid Karzai warned the talks were stalled. \"For all his efforts, Zalmay Khalilzad's record is mixed,\" he said.",
            ("Hamid Karzai", "PER"), ("Zalmay Khalilzad", "PER")));
        Assert.Equal("Hamid Karzai", At(doc, "he said")?.Name);
        Assert.Equal((6, 63), CoreferenceResolver.QuotationBefore("Mr X. \"For all his efforts, Zalmay Khalilzad's record is mixed,\" he said.", 65));
        Assert.Null(CoreferenceResolver.QuotationBefore("He said \"no\" and he left.", 13)); // a quoted word, no punctuation before its close
    }

    [Fact]
    public void ADemonymBeforeATitleIsNotTheSentencesSubject()
    {
        // "Afghan envoy Zalmay Khalilzad warned ... as Mr. Hamid Karzai would like": the subject is the envoy, not the
        // demonym NER marks first, so a later "he" is the envoy even though the other man's gender is known from "Mr.".
        var doc = Run(Ner("Afghan envoy Zalmay Khalilzad warned the picture was not as rosy as Mr. Hamid Karzai would like. He said more.",
            ("Afghan", "MISC"), ("Zalmay Khalilzad", "PER"), ("Hamid Karzai", "PER")));
        Assert.Equal("Zalmay Khalilzad", At(doc, "He said")?.Name);
    }

    [Fact]
    public void ItBeforeAModalStandsForTheCountryUnlessACopulaFollows()
    {
        var doc = Run(Ner("Qatar said it will host the talks. It would be hard to agree.", ("Qatar", "LOC")));
        Assert.Equal("Qatar", At(doc, "it will")?.Name);
        Assert.Null(At(doc, "It would"));
    }

    [Fact]
    public void ItReportedByABodyNamedByACommonNounIsThatBodyNotACountryNamedSince()
    {
        // "The bank said it had expressed serious concern": the World Bank, not Afghanistan named in between (issue 11,
        // Reuters round 30: coded AFG).
        var doc = Run(Ner("The World Bank agreed aid for Pakistan. The bank said refugees from Afghanistan need support. But the bank said it had expressed concern.",
            ("World Bank", "ORG"), ("Pakistan", "LOC"), ("Afghanistan", "LOC")));
        var bank = At(doc, "World Bank")!;
        Assert.Equal(bank.Cluster, At(doc, "it had")?.Cluster);
        // No organisation to refer to: the pronoun stays empty rather than a country.
        doc = Run(Ner("Officials in Ecuador met. The company said it would sell.", ("Ecuador", "LOC")));
        Assert.Null(At(doc, "it would"));
        // Only a noun opening its clause speaks: "in the past" is no speaker, and a group named by a common noun ("the
        // shadow cabinet revealed its support") is no organisation of another name.
        doc = Run(Ner("The World Bank met Qatar. Qatar has in the past said it sees no need.", ("World Bank", "ORG"), ("Qatar", "LOC")));
        Assert.Equal("Qatar", At(doc, "it sees")?.Name);
        // "the country said it": a country.
        doc = Run(Ner("Qatar hosted the talks. The country said it would help.", ("Qatar", "LOC")));
        Assert.Equal("Qatar", At(doc, "it would")?.Name);
    }

    [Fact]
    public void TheCountryIsTheOneTheTextIsAbout()
    {
        var doc = Run(Ner("Afghanistan held talks. Qatar hosted them. Violence in Afghanistan went on and the country's leadership met.",
            ("Afghanistan", "LOC"), ("Qatar", "LOC")));
        Assert.Equal("Afghanistan", doc.Entities.Single(e => e.Text == "the country").Name);
        Assert.Equal("AFGGOV", At(doc, "leadership")?.Actor);
    }

    [Fact]
    public void ASpeechPronounIsTheSpeakerQuotedLastNotThePersonNamedLast()
    {
        // Andrew Marr quotes what Gordon Brown knows: "He added" is Marr, named four sentences back
        var doc = Run(Ner("Andrew Marr said: \"This is damaging. Gordon Brown knows it as well as Tony Blair. \"I think it is poor. Things are difficult.\" He added: \"Ministers agree.\"",
            ("Andrew Marr", "PER"), ("Gordon Brown", "PER"), ("Tony Blair", "PER")));
        Assert.Equal("Andrew Marr", At(doc, "He added")?.Name);
    }

    [Fact]
    public void APersonNarratedSinceTheLastSpeakerIsTheNearerSubject()
    {
        var doc = Run(Ner("Gordon Brown said the plans were sound. Tony Blair flew to Kenya on Monday. He said aid would rise.",
            ("Gordon Brown", "PER"), ("Tony Blair", "PER")));
        Assert.Equal("Tony Blair", At(doc, "He said")?.Name);
    }

    [Fact]
    public void HeSaidAfterAReportedClauseIsNoNameOfThatClause()
    {
        // "... the George Bush-style spree planned by the Tories, he said": the speaker is not George Bush
        var doc = Run(Ner("Vince Cable spoke in London. Britain could not afford the George Bush-style spree planned by the Tories, he said.",
            ("Vince Cable", "PER"), ("George Bush", "PER")));
        Assert.Equal("Vince Cable", At(doc, "he said")?.Name);
    }

    [Fact]
    public void HeSaidAfterAnOpeningPhraseIsTheLastSpeakerNotANameHeQuoted()
    {
        // "Laying into the Tories' record he said": he is the speaker quoted last, not the man named in his reported words
        var doc = Run(Ner("Gordon Brown said the NHS was not safe. The chancellor said the cuts proposed by Oliver Letwin would hurt. Laying into the Tories' record he said: \"Never again.\"",
            ("Gordon Brown", "PER"), ("Oliver Letwin", "PER"), ("Tories", "ORG")));
        Assert.Equal("Gordon Brown", At(doc, "he said")?.Name);
        // a person named before the pronoun in its own sentence keeps the ordinary choice
        doc = Run(Ner("Gordon Brown said the NHS was not safe. Tony Blair met Oliver Letwin and he said talks went well.",
            ("Gordon Brown", "PER"), ("Tony Blair", "PER"), ("Oliver Letwin", "PER")));
        Assert.NotEqual("Gordon Brown", At(doc, "he said")?.Name);
    }

    [Fact]
    public void APersonInAReportedClauseIsNotTheLastSpeaker()
    {
        // "Mr Clarke said he had supported the plans when Mr Blunkett argued for them. "...," he said": Clarke speaks
        var doc = Run(Ner("Mr Clarke said he had supported the plans when Mr Blunkett argued for them in Cabinet. \"ID cards are a means to security,\" he said.",
            ("Mr Clarke", "PER"), ("Mr Blunkett", "PER")));
        Assert.Equal("Mr Clarke", At(doc, "he said")?.Name);
        // a speaker after the quotation it closes stays the speaker
        doc = Run(Ner("\"We will win,\" said Mr Kennedy. Mr Howard disagreed. \"They will lose,\" he said.",
            ("Mr Kennedy", "PER"), ("Mr Howard", "PER")));
        Assert.NotNull(At(doc, "he said"));
        // a second speaker after a quotation that closes the first one's words is a speaker
        doc = Run(Ner("President Andrzej Duda said it was an \"appalling tragedy\" while Minister Joachim Brudzinski wrote he had ordered checks. He tweeted, \"I want to express my sympathy\".",
            ("Andrzej Duda", "PER"), ("Joachim Brudzinski", "PER")));
        Assert.Equal("Joachim Brudzinski", At(doc, "He tweeted")?.Name);
    }

    [Fact]
    public void ACourtesyTitleInTheNameGivesTheGender()
    {
        // "Ms Blears" is a woman: "he" is the rights-group chairman who accused her
        var doc = Run(Ner("IHRC chairman Massoud Shadjareh accused Ms Blears of playing a card. \"She is demonising our community,\" he said.",
            ("Massoud Shadjareh", "PER"), ("Ms Blears", "PER")));
        Assert.Equal("Massoud Shadjareh", At(doc, "he said")?.Name);
    }

    [Fact]
    public void ThePrimeMinisterIsNotAnyMinister()
    {
        // a secretary of state is of the minister class; "the prime minister" is a premier, not her
        var doc = Run(Ner("Echoing Secretary of State Jane Quibble, the prime minister said policy had changed.", ("Jane Quibble", "PER")));
        Assert.NotEqual("Jane Quibble", At(doc, "the prime minister")?.Name);
        var premier = Run(Ner("Prime Minister Tony Blair met Secretary of State Condoleezza Rice. The prime minister said policy had changed.",
            ("Tony Blair", "PER"), ("Condoleezza Rice", "PER")));
        Assert.Equal("Tony Blair", At(premier, "The prime minister")?.Name);
    }

    [Fact]
    public void RunningTwiceGivesTheSameResult()
    {
        var doc = Run(Ner("Zalmay Khalilzad arrived. He spoke.", ("Zalmay Khalilzad", "PER")));
        int count = doc.Entities.Count;
        new CoreferenceResolver().Process(doc);
        Assert.Equal(count, doc.Entities.Count);
    }

    [Fact]
    public void ASpeechPronounAfterAnUnnamedSpeakerIsNotAnEarlierActor()
    {
        // "..., diplomatic sources said. They said ...": they are the sources (no code), not the group named before them
        var doc = Run(Ner("The Taliban met Zalmay Khalilzad in Doha, diplomatic sources said. They said the talks would go on.",
            ("Taliban", "ORG"), ("Zalmay Khalilzad", "PER"), ("Doha", "LOC")));
        Assert.Null(At(doc, "They said"));
        // "a spokesman said ... He said": the spokesman, not the man named before
        doc = Run(Ner("Zalmay Khalilzad met officials in Doha. A company spokesman said the talks were long. He said more would follow.",
            ("Zalmay Khalilzad", "PER"), ("Doha", "LOC")));
        Assert.Null(At(doc, "He said"));
        // "a Taliban spokesman said ... He said": the body the phrase names speaks
        doc = Run(Ner("Zalmay Khalilzad met officials in Doha. A Taliban spokesman said the talks were long. He said more would follow.",
            ("Zalmay Khalilzad", "PER"), ("Doha", "LOC"), ("Taliban", "ORG")));
        Assert.Equal("Taliban", At(doc, "He said")?.Name);
    }

    [Fact]
    public void ASpeechPronounAfterAnUnnamedGovernmentSpeakerIsThatCountrysGovernment()
    {
        // "a government spokeswoman said ... She said": the government of the country in focus, not the man named before
        var doc = Run(Ner("Afghanistan met Zalmay Khalilzad in Doha. A government spokeswoman said the talks were long. She said more would follow.",
            ("Afghanistan", "LOC"), ("Zalmay Khalilzad", "PER"), ("Doha", "LOC")));
        Assert.Equal("AFGGOV", At(doc, "She said")?.Actor);
        // "..., government sources said. They said"
        doc = Run(Ner("Afghanistan will hold talks in Doha, government sources said. They said more would follow.",
            ("Afghanistan", "LOC"), ("Doha", "LOC")));
        Assert.Equal("AFGGOV", At(doc, "They said")?.Actor);
        // a speaker with no agent noun still stands for no one ("diplomatic sources")
        doc = Run(Ner("Afghanistan will hold talks in Doha, diplomatic sources said. They said more would follow.",
            ("Afghanistan", "LOC"), ("Doha", "LOC")));
        Assert.Null(At(doc, "They said"));
    }

    [Fact]
    public void ADefiniteTitleOrARelativeClauseSpeakerDoesNotStopTheChain()
    {
        // "the official said" refers back to a man named before; "which officials claim" is no speaker of its own
        var doc = Run(Ner("Zalmay Khalilzad met the Taliban in Doha. The official said the talks were long. He said more would follow.",
            ("Zalmay Khalilzad", "PER"), ("Taliban", "ORG"), ("Doha", "LOC")));
        Assert.Equal("Zalmay Khalilzad", At(doc, "He said")?.Name);
        doc = Run(Ner("Zalmay Khalilzad said the plan, which officials claim will work, was sound. He said more would follow.",
            ("Zalmay Khalilzad", "PER")));
        Assert.Equal("Zalmay Khalilzad", At(doc, "He said")?.Name);
    }

    [Fact]
    public void AnUnnamedSpeakerKeepsItsPronounsAndItsReportedNames()
    {
        // "Political sources said the Taliban are likely to leave ... They said ... They said": the sources (no code) each
        // time, not the group their words named, nor the group once a pronoun spoke between
        var doc = Run(Ner("Zalmay Khalilzad met officials in Doha. Political sources said the Taliban are likely to leave the talks. They said the talks were long. They said more would follow.",
            ("Zalmay Khalilzad", "PER"), ("Doha", "LOC"), ("Taliban", "ORG")));
        Assert.Null(At(doc, "They said the talks"));
        Assert.Null(At(doc, "They said more"));
        // "a bank spokesman said ... signed by Khalilzad, the spokesman said ... he said": the spokesman named again, not the
        // man of his words
        doc = Run(Ner("Afghanistan signed a loan in Doha, a bank spokesman said. The loan was signed by Zalmay Khalilzad, the spokesman said. The loan is the first of its kind, he said.",
            ("Afghanistan", "LOC"), ("Doha", "LOC"), ("Zalmay Khalilzad", "PER")));
        Assert.Null(At(doc, "he said"));
    }

    [Fact]
    public void AnUnnamedSpeakerOfANamedBodyIsThatBody()
    {
        // "the Taliban Defence Ministry said ... A ministry spokesman said ... he added": the ministry's spokesman
        var doc = Run(Ner("Talks went on in Doha, the Taliban Defence Ministry said. A ministry spokesman said Zalmay Khalilzad had agreed. A commission will be formed, he added.",
            ("Doha", "LOC"), ("Taliban Defence Ministry", "ORG"), ("Zalmay Khalilzad", "PER")));
        var ministry = At(doc, "Taliban Defence Ministry")!;
        Assert.Equal(ministry.Cluster, At(doc, "he added")?.Cluster);
        Assert.Equal("ORG", At(doc, "he added")?.Type);
    }

    [Fact]
    public void APronounOpeningASentenceAfterAnUnnamedSpeakerIsThatSpeaker()
    {
        // '"...," said the official who asked not to be named. He declined ...': the official, not the man named before
        var doc = Run(Ner("Zalmay Khalilzad was thanked for his help, a senior official said. \"They are cooperative,\" said the official who asked not to be named. He declined to describe the help.",
            ("Zalmay Khalilzad", "PER")));
        Assert.Null(At(doc, "He declined"));
        // a person named since in narration is still who "he" is
        doc = Run(Ner("Zalmay Khalilzad was thanked, a senior official said. \"They are cooperative,\" said the official. Then Mullah Baradar met him. He declined to comment.",
            ("Zalmay Khalilzad", "PER"), ("Mullah Baradar", "PER")));
        Assert.Equal("Mullah Baradar", At(doc, "He declined")?.Name);
    }
}
