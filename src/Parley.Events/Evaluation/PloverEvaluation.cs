using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parley.Core;
using Parley.Core.Text;

namespace Parley.Events.Evaluation;

/// <summary>Figures of a PLOVER event-type evaluation over labelled stories.</summary>
public sealed class PloverEvaluationResult
{
    public int Stories { get; set; }
    /// <summary>Stories for which at least one event was coded.</summary>
    public int Covered { get; set; }
    /// <summary>Stories whose predicted PLOVER type equals the label.</summary>
    public int Correct { get; set; }
    /// <summary>Stories whose first coded event (earliest sentence) has the label's PLOVER type.</summary>
    public int CorrectFirstEvent { get; set; }
    /// <summary>Stories the pipeline failed on (left out of the figures), with the first error message.</summary>
    public int Errors { get; set; }
    public string? FirstError { get; set; }
    public double Accuracy => Stories == 0 ? 0 : (double)Correct / Stories;
    public double Coverage => Stories == 0 ? 0 : (double)Covered / Stories;
    public double AccuracyWhenCovered => Covered == 0 ? 0 : (double)Correct / Covered;
    public double SentencesPerSecond { get; set; }
    /// <summary>label -> (stories, correct, covered).</summary>
    public SortedDictionary<string, (int Stories, int Correct, int Covered)> PerLabel { get; } = new(StringComparer.Ordinal);
    /// <summary>"label -> predicted" -> count, for wrong predictions.</summary>
    public Dictionary<string, int> Confusions { get; } = new(StringComparer.Ordinal);

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(inv, $"stories {Stories}, with an event {Covered} ({Coverage:P1}), PLOVER type accuracy {Accuracy:P1} (over stories with an event {AccuracyWhenCovered:P1}); first event's type instead of the most frequent: {(double)CorrectFirstEvent / Math.Max(1, Stories):P1}");
        if (SentencesPerSecond > 0) sb.Append(inv, $", {SentencesPerSecond:0} sentences/s (whole pipeline, one thread)");
        if (Errors > 0) sb.Append(inv, $"; {Errors} stories failed in the pipeline and are left out (first: {FirstError})");
        sb.AppendLine();
        foreach (var (label, (n, ok, cov)) in PerLabel)
            sb.AppendLine(string.Create(inv, $"  {label,-10} {n,5} stories  accuracy {(double)ok / Math.Max(1, n):P1}  coverage {(double)cov / Math.Max(1, n):P1}"));
        var top = new List<KeyValuePair<string, int>>(Confusions);
        top.Sort((a, b) => b.Value.CompareTo(a.Value));
        if (top.Count > 0) sb.Append("  most frequent confusions:");
        for (int i = 0; i < Math.Min(10, top.Count); i++) sb.Append(inv, $" {top[i].Key} {top[i].Value};");
        top.RemoveAll(kv => kv.Key.EndsWith("->none", StringComparison.Ordinal));
        if (top.Count > 0) sb.AppendLine().Append("  most frequent wrong types:");
        for (int i = 0; i < Math.Min(12, top.Count); i++) sb.Append(inv, $" {top[i].Key} {top[i].Value};");
        return sb.ToString();
    }
}

/// <summary>
/// PLOVER type accuracy on labelled stories, e.g. the NGEC synthetic stories (CSV with columns text and label; gzip
/// allowed). Each story is processed by the given pipeline; its predicted type is the most frequent PLOVER type among
/// its coded events (ties: the earliest). Stories without a coded event count as wrong.
/// </summary>
public static class PloverEvaluation
{
    public static PloverEvaluationResult Run(string csvPath, Func<string, Document> process, int limit = int.MaxValue, int every = 1)
    {
        var result = new PloverEvaluationResult();
        long sentences = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int row = -1;
        foreach (var (text, label) in ReadStories(csvPath))
        {
            row++;
            if (every > 1 && row % every != 0) continue;
            if (result.Stories >= limit) break;
            Document doc;
            try { doc = process(text); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                result.Errors++;
                result.FirstError ??= e.GetType().Name + ": " + e.Message + " " + e.StackTrace?.Split('\n')[0].Trim();
                continue;
            }
            sentences += doc.SentenceCount;
            string? predicted = Predict(doc);
            result.Stories++;
            var (n, ok, cov) = result.PerLabel.GetValueOrDefault(label);
            n++;
            if (predicted is not null) { result.Covered++; cov++; }
            if (predicted == label) { result.Correct++; ok++; }
            if (FirstType(doc) == label) result.CorrectFirstEvent++;
            if (predicted != label)
            {
                string key = label + "->" + (predicted ?? "none");
                result.Confusions[key] = result.Confusions.GetValueOrDefault(key) + 1;
            }
            result.PerLabel[label] = (n, ok, cov);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        result.SentencesPerSecond = seconds > 0 ? sentences / seconds : 0;
        return result;
    }

    /// <summary>The most frequent PLOVER type among the document's events (ties: the earliest), or null.</summary>
    public static string? Predict(Document doc)
    {
        string? best = null;
        int bestCount = 0;
        for (int i = 0; i < doc.Events.Count; i++)
        {
            string? p = doc.Events[i].Plover;
            if (p is null) continue;
            int count = 0;
            for (int j = 0; j < doc.Events.Count; j++) if (doc.Events[j].Plover == p) count++;
            if (count > bestCount) { best = p; bestCount = count; }
        }
        return best;
    }

    /// <summary>The PLOVER type of the earliest coded event that has one, or null.</summary>
    public static string? FirstType(Document doc)
    {
        foreach (var e in doc.Events) if (e.Plover is not null) return e.Plover;
        return null;
    }

    /// <summary>Reads (text, label) from a CSV with a header naming columns "text" and "label" (RFC 4180 quoting, multi-line cells).</summary>
    public static IEnumerable<(string Text, string Label)> ReadStories(string path)
    {
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Encoding.UTF8);
        int textCol = -1, labelCol = -1;
        foreach (var record in CsvRecords.Read(reader))
        {
            if (textCol < 0)
            {
                textCol = Array.IndexOf(record, "text");
                labelCol = Array.IndexOf(record, "label");
                if (textCol < 0 || labelCol < 0) throw new InvalidDataException($"{path}: header needs columns 'text' and 'label'");
                continue;
            }
            if (record.Length <= Math.Max(textCol, labelCol)) continue;
            string label = record[labelCol].Trim();
            if (label.Length == 0) continue;
            yield return (record[textCol], label);
        }
    }
}
