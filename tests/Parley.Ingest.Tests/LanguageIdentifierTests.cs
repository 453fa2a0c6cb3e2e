using Parley.Core;
namespace Parley.Ingest.Tests;

public class LanguageIdentifierTests
{
    [Theory]
    [InlineData("The United States intends to resume formal negotiations with the Taliban, almost three months after the talks were suspended.")]
    [InlineData("Oil prices rose on Monday as traders bet on tighter supply.")]
    [InlineData("Taliban attack kills 12 in Kabul")]
    [InlineData("Trump meets Ghani at Bagram")]
    [InlineData("SHOWERS CONTINUED THROUGHOUT THE WEEK IN THE BAHIA COCOA ZONE")]
    public void English_is_en(string text) => Assert.Equal("en", LanguageIdentifier.Identify(text).Code);

    [Theory]
    [InlineData("de", "Die Vereinigten Staaten wollen die Gespräche mit den Taliban nächste Woche wieder aufnehmen, sagte ein Sprecher des Außenministeriums.")]
    [InlineData("fr", "Les États-Unis veulent reprendre les négociations avec les talibans la semaine prochaine, a déclaré le porte-parole du ministère.")]
    [InlineData("es", "Los Estados Unidos quieren reanudar las negociaciones con los talibanes la próxima semana, según un portavoz del departamento.")]
    [InlineData("ru", "Соединённые Штаты намерены возобновить переговоры с движением «Талибан» на следующей неделе, сообщил представитель госдепартамента.")]
    [InlineData("it", "Gli Stati Uniti vogliono riprendere i negoziati con i talebani la prossima settimana, ha detto un portavoce del dipartimento.")]
    [InlineData("nl", "De Verenigde Staten willen de gesprekken met de Taliban volgende week hervatten, zei een woordvoerder van het ministerie.")]
    [InlineData("pt", "Os Estados Unidos querem retomar as negociações com os talibãs na próxima semana, disse um porta-voz do departamento.")]
    [InlineData("uk", "Сполучені Штати мають намір відновити переговори з талібами наступного тижня, повідомив речник.")]
    [InlineData("ar", "قالت وزارة الخارجية الأمريكية إن المحادثات مع حركة طالبان ستستأنف في الدوحة الأسبوع المقبل")]
    [InlineData("zh", "美国特使哈利勒扎德周三抵达喀布尔，与阿富汗政府官员会面。")]
    [InlineData("el", "Οι Ηνωμένες Πολιτείες θέλουν να ξαναρχίσουν τις συνομιλίες με τους Ταλιμπάν.")]
    public void Other_languages_are_recognised(string code, string text) => Assert.Equal(code, LanguageIdentifier.Identify(text).Code);

    [Fact]
    public void Scores_are_between_zero_and_one_and_higher_for_longer_text()
    {
        var shortText = LanguageIdentifier.Identify("Talks in Doha");
        var longText = LanguageIdentifier.Identify("The envoy said that the talks with the Taliban would resume in Doha next week, and that he was hopeful of an agreement that would lead to a ceasefire.");
        Assert.InRange(shortText.Score, 0, 1);
        Assert.InRange(longText.Score, 0, 1);
        Assert.True(longText.Score > shortText.Score);
        Assert.Equal(("en", 0.0), LanguageIdentifier.Identify("12345 !!!"));
    }
}

public class ContentHashTests
{
    [Fact]
    public void Is_the_first_16_hex_digits_of_sha256_of_utf8()
    {
        string text = "Khalilzad arrived in Kabul — again.";
        string expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
        Assert.Equal(expected, ContentHash.Of(text));
        Assert.Equal(ContentHash.Of(text), ContentHash.Of(text.AsSpan()));
        Assert.NotEqual(ContentHash.Of(text), ContentHash.Of(text + " "));
    }
}
