using System.Reflection;
using Parley.Core;
using Parley.Nlp.Conllu;

namespace Parley.Nlp.Training;

/// <summary>
/// Reaches the dependency parser (Parley.Nlp.Parsing.DependencyParser, written separately) by name, so this part
/// builds and runs before the parser is merged: HEAD/DEPREL come from it when it is present, else stay "_".
/// The parser's model lives in the "parser" subfolder of the NLP model folder.
/// </summary>
public sealed class ParserBridge
{
    public const string Subfolder = "parser";
    private const string TypeName = "Parley.Nlp.Parsing.DependencyParser";
    private readonly object _parser;
    private readonly MethodInfo _parse;

    private ParserBridge(object parser, MethodInfo parse) { _parser = parser; _parse = parse; }

    private static Type? ParserType => typeof(NlpModel).Assembly.GetType(TypeName);

    public static bool Available => ParserType is not null;

    /// <summary>The parser of an NLP model folder, or null when the parser code or its model is absent.</summary>
    public static ParserBridge? TryLoad(string? modelFolder)
    {
        var type = ParserType;
        if (type is null || modelFolder is null) return null;
        var dir = Path.Combine(modelFolder, Subfolder);
        if (!Directory.Exists(dir)) return null;
        var load = type.GetMethod("Load", BindingFlags.Public | BindingFlags.Static, [typeof(string)]);
        var parse = type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Instance, [typeof(Document)]);
        if (load is null || parse is null) return null;
        try
        {
            var parser = load.Invoke(null, [dir]);
            return parser is null ? null : new ParserBridge(parser, parse);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidDataException($"parser model in {dir} could not be loaded: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>Writes heads and relations into the document (needs tags).</summary>
    public void Parse(Document doc)
    {
        try { _parse.Invoke(_parser, [doc]); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
        doc.Done |= Layers.Parse;
    }

    /// <summary>Trains and saves the parser into modelFolder/parser when the parser code is present; returns false when it is not.</summary>
    public static bool TryTrain(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence> dev, string modelFolder, int seed, Action<string> log,
        Learning.WordClusterTable? clusters = null)
    {
        var type = ParserType;
        var optionsType = typeof(NlpModel).Assembly.GetType("Parley.Nlp.Parsing.ParserTrainOptions");
        if (type is null || optionsType is null) return false;
        var trainMethod = type.GetMethod("Train", BindingFlags.Public | BindingFlags.Static);
        var save = type.GetMethod("Save", BindingFlags.Public | BindingFlags.Instance, [typeof(string)]);
        if (trainMethod is null || save is null) return false;
        var options = Activator.CreateInstance(optionsType)!;
        optionsType.GetProperty("Seed")?.SetValue(options, seed);
        optionsType.GetProperty("Clusters")?.SetValue(options, clusters);
        log("training the dependency parser");
        object? parser;
        try { parser = trainMethod.Invoke(null, [train, dev, options]); }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        var dir = Path.Combine(modelFolder, Subfolder);
        Directory.CreateDirectory(dir);
        save.Invoke(parser, [dir]);
        return true;
    }
}
