// Analyzes uploaded dance videos (pose per frame, metrics, skeleton overlay, keypoints, thumbnail, move clips) and songs
// (tempo, beats, sections).
using DanceAspire.AnalysisWorker;
using DanceAspire.Media;
using DanceAspire.Media.Audio;
using DanceAspire.Media.Moves;
using DanceAspire.Media.Probing;
using DanceAspire.Music.Songs;
using DanceAspire.Pose;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRedisClient("redis");
builder.AddAzureBlobClient("blobs");
builder.Services.AddMedia();
builder.Services.AddPoseEstimation(builder.Configuration);
builder.Services.AddSingleton<VideoAnalyzer>();
builder.Services.AddSingleton(sp => new MoveClipWriter(sp.GetRequiredService<MediaProbe>(), sp.GetRequiredService<FfmpegTools>()));
builder.Services.AddSingleton<MoveExtractor>();
builder.Services.AddSingleton(sp => new AudioDecoder(sp.GetRequiredService<FfmpegTools>()));
builder.Services.AddSingleton(new SongAnalyzer());
builder.AddJobWorker().AddHandler<AnalysisJobHandler>().AddHandler<SongAnalysisJobHandler>();

var app = builder.Build();

app.MapDefaultEndpoints();

app.Run();
