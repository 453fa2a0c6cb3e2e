using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>`parley train ...`: the parent of the model-training commands (one subcommand per model).</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train a model from the corpora in the shared data folder.");
        command.Subcommands.Add(TrainNerCommand.Create());
        return command;
    }
}
