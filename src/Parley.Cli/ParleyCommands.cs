using System.CommandLine;
using Parley.Cli.Commands;

namespace Parley.Cli;

/// <summary>Registers the commands; each lives in its own file under Commands/.</summary>
internal static class ParleyCommands
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Parley: news articles in, structured event data out.");
        BuildCameoCommand.AddTo(root);
        root.Add(ExplainCommand.Create());
        EvalPloverCommand.AddTo(root);
        EvalCoderSpeedCommand.AddTo(root);
        return root;
    }
}
