using DanceAspire.Assembler.Assembly;
using DanceAspire.Media;

namespace DanceAspire.Assembler;

public static class AssemblerRegistration
{
    /// <summary>The blueprint assembler (options from the "Assembler" section) and the job worker running its "assembly" jobs.</summary>
    public static IHostApplicationBuilder AddAssembler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMedia();
        builder.Services.Configure<AssemblerOptions>(builder.Configuration.GetSection(AssemblerOptions.Section));
        builder.Services.AddSingleton<BlueprintAssembler>();
        builder.AddJobWorker().AddHandler<AssemblyJobHandler>();
        return builder;
    }
}
