using Parley.Cli;

return await ParleyCommands.Build().Parse(args).InvokeAsync();
