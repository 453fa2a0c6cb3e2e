using Parley.Core;
using Parley.Nlp;
using Parley.Nlp.Training;

namespace Parley.Cli.Commands;

/// <summary>Loads the NLP model (and the parser when present) for commands, with a one-line error when it is missing.</summary>
internal static class NlpLoader
{
    public static (NlpModel Model, ParserBridge? Parser)? TryLoad(string? folder)
    {
        folder ??= ModelLocator.FindModel(NlpModel.DefaultName);
        if (folder is null)
        {
            Console.Error.WriteLine($"{NlpModel.DefaultName}: model not found (set PARLEY_MODELS or run `parley train nlp`)");
            return null;
        }
        try
        {
            return (NlpModel.Load(folder), ParserBridge.TryLoad(folder));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"{folder}: model could not be loaded: {e.Message}");
            return null;
        }
    }
}
