using Parley.Core;

namespace Parley.Engine;

/// <summary>
/// The declared order of Parley's stages. Each component writes one layer and reads earlier ones;
/// <see cref="PipelineBuilder"/> checks that order. Components whose model is not installed are left out
/// and the layers they would write stay empty.
/// </summary>
public static class DefaultPipeline
{
    public static Pipeline Build(Layers wanted)
    {
        var builder = new PipelineBuilder();
        // Stages are added here as they land; see README "Pipeline".
        return builder.Build();
    }
}
