using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>`parley train ...`: the parent of the training commands (one subcommand per model).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from data");
        command.Subcommands.Add(TrainParserCommand.Create());
        return command;
    }
}
