using Parley.Core;
using Parley.Nlp;
using Parley.Nlp.Parsing;

namespace Parley.Cli.Commands;

/// <summary>Loads the NLP model (and the parser when present) for commands, with a one-line error when it is missing.</summary>
internal static class NlpLoader
{
    public static (NlpModel Model, DependencyParser? Parser)? TryLoad(string? folder, TextWriter? stderr = null)
    {
        stderr ??= Console.Error;
        folder ??= ModelLocator.FindModel(NlpModel.DefaultName);
        if (folder is null)
        {
            stderr.WriteLine($"{NlpModel.DefaultName}: model not found (set PARLEY_MODELS or run `parley train nlp`)");
            return null;
        }
        try
        {
            return (NlpModel.Load(folder), DependencyParser.TryLoadFromNlpModel(folder));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{folder}: model could not be loaded: {e.Message}");
            return null;
        }
    }
}
