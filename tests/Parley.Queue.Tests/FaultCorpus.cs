using System.Text.Json;

namespace Parley.Queue.Tests;

/// <summary>
/// Short synthetic wire articles (deterministic): each event is reported by several articles over a few days
/// with different wording, so stories form and repeated reports merge; every 50th article repeats an earlier
/// article (text, headline, date) under a new id (a duplicate). Short texts keep the fault tests fast with the full pipeline.
/// </summary>
internal static class FaultCorpus
{
    private static readonly (string Country, string Adjective)[] Actors =
    [
        ("Russia", "Russian"), ("Ukraine", "Ukrainian"), ("China", "Chinese"), ("France", "French"), ("Iran", "Iranian"),
        ("Israel", "Israeli"), ("Turkey", "Turkish"), ("Germany", "German"), ("India", "Indian"), ("Pakistan", "Pakistani"),
        ("Japan", "Japanese"), ("Egypt", "Egyptian"),
    ];

    private static readonly string[] Cities = ["Geneva", "Vienna", "Doha", "Cairo", "Ankara", "Berlin", "Delhi", "Tokyo"];

    private static readonly Func<(string Country, string Adjective), (string Country, string Adjective), string, string, string>[] Events =
    [
        (a, b, c, w) => $"{a.Adjective} forces attacked {b.Adjective} troops near the {w} crossing.",
        (a, b, c, w) => $"The {a.Adjective} president met the {b.Adjective} foreign minister in {c} to discuss the {w} dispute.",
        (a, b, c, w) => $"{a.Country} accused {b.Country} of violating the {w} ceasefire.",
        (a, b, c, w) => $"{a.Country} signed the {w} trade agreement with {b.Country}.",
        (a, b, c, w) => $"Police in {a.Country} arrested protesters outside the {b.Adjective} embassy during the {w} rally.",
        (a, b, c, w) => $"{a.Adjective} officials criticized {b.Country} over the {w} detention of journalists.",
    ];

    private static readonly string[] Syllables = ["ka", "lor", "ven", "dri", "mo", "sal", "tur", "bex", "nai", "quo", "rim", "zel", "pa", "gos", "wen", "hal"];

    /// <summary>A made-up name of its own for each event (a place, a deal), as real stories have.</summary>
    private static string Name(Random r)
    {
        string n = Syllables[r.Next(Syllables.Length)] + Syllables[r.Next(Syllables.Length)] + Syllables[r.Next(Syllables.Length)];
        return char.ToUpperInvariant(n[0]) + n[1..];
    }

    private static readonly string[] Leads = ["Officials said on {0} that", "Reports on {0} said", "According to a statement on {0},", "Witnesses said on {0} that"];
    private static readonly string[] Fillers =
    [
        "The talks are expected to continue next month.", "Markets in the region were calm.", "No casualties were reported.",
        "The United Nations called for restraint.", "Diplomats described the mood as tense.", "Further details were not released.",
    ];

    /// <summary>Writes <paramref name="count"/> articles as JSONL; returns how many are duplicates of an earlier text.</summary>
    public static int Write(string path, int count)
    {
        var rng = new Random(20260101);
        var sent = new List<(string Text, string Title, DateOnly Day)>(count);
        int duplicates = 0;
        using var w = new StreamWriter(path);
        var start = new DateOnly(2024, 3, 1);
        for (int i = 0; i < count; i++)
        {
            int ev = i / 5;
            var r = new Random(ev * 7919 + 17);
            var a = Actors[r.Next(Actors.Length)];
            var b = Actors[(Array.IndexOf(Actors, a) + 1 + r.Next(Actors.Length - 1)) % Actors.Length];
            string name = Name(r);
            string core = Events[r.Next(Events.Length)](a, b, Cities[r.Next(Cities.Length)], name);
            var day = start.AddDays(ev / 7 + rng.Next(2));
            string weekday = day.DayOfWeek.ToString();
            string text, title = $"{name}: {a.Country} and {b.Country}";
            if (i % 50 == 49 && sent.Count > 10)
            {
                // The same wire item sent again under another id: same text, headline and date. Which copy a worker
                // stores is arrival order (a killed worker's original comes back after the ack wait, when its repeat
                // may already be stored), so a repeat with another headline or date would be placed in another story
                // and date "on Friday" otherwise, and the fault tests would measure arrival order, not the pipeline.
                (text, title, day) = sent[rng.Next(sent.Count - 5)];
                duplicates++;
            }
            else
            {
                string lead = string.Format(System.Globalization.CultureInfo.InvariantCulture, Leads[rng.Next(Leads.Length)], weekday);
                text = $"{lead} {char.ToLowerInvariant(core[0])}{core[1..]} {Fillers[rng.Next(Fillers.Length)]} Report {i}.";
                if (core.StartsWith("The ", StringComparison.Ordinal)) text = $"{lead} {core} {Fillers[rng.Next(Fillers.Length)]} Report {i}.";
            }
            sent.Add((text, title, day));
            w.WriteLine(JsonSerializer.Serialize(new { id = $"f{i:D5}", title, date = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), text }));
        }
        return duplicates;
    }
}
