using DanceAspire.Media.Audio;
using DanceAspire.Media.Probing;
using DanceAspire.Media.Validation;
using DanceAspire.Testing;

namespace DanceAspire.Media.Tests;

public sealed class AudioTests(MediaMaker maker) : IClassFixture<MediaMaker>
{
    private static AudioValidator Validator(AudioLimits? limits = null) => new(new MediaProbe(), limits ?? new AudioLimits());

    private static string Tone(MediaMaker maker, string fileName, params string[] codec) =>
        maker.Make(fileName, ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100:duration=2", .. codec]);

    [Theory]
    [InlineData("tone.mp3", "libmp3lame")]
    [InlineData("tone.wav", "pcm_s16le")]
    [InlineData("tone.flac", "flac")]
    [InlineData("tone.m4a", "aac")]
    [InlineData("tone.ogg", "libvorbis")]
    public async Task A_song_in_each_accepted_format_passes(string fileName, string codec)
    {
        var result = await Validator().ValidateAsync(Tone(maker, fileName, "-c:a", codec));

        Assert.True(result.IsValid, result.Message);
    }

    [Fact]
    public async Task The_real_song_passes()
    {
        Assert.True((await Validator().ValidateAsync(TestMedia.File("music/Kevin_MacLeod_-_Vibe_Ace.hq.ogg"))).IsValid);
    }

    [Fact]
    public async Task A_video_without_sound_is_no_audio_stream()
    {
        var result = await Validator().ValidateAsync(TestMedia.File("video/pose_squats.mp4"));

        Assert.Equal((AudioRejections.NoAudioStream, "The file has no audio stream."), (result.Code, result.Message));
    }

    [Fact]
    public async Task A_text_file_is_unreadable_and_an_empty_one_is_empty()
    {
        var text = maker.PathFor("lyrics.mp3");
        await File.WriteAllTextAsync(text, "la la la\n");
        var empty = maker.PathFor("silence.mp3");
        await File.WriteAllBytesAsync(empty, []);

        Assert.Equal(VideoRejections.Unreadable, (await Validator().ValidateAsync(text)).Code);
        Assert.Equal(VideoRejections.EmptyFile, (await Validator().ValidateAsync(empty)).Code);
    }

    [Fact]
    public async Task A_song_over_the_limit_is_too_long_with_both_durations_in_the_sentence()
    {
        var result = await Validator(new AudioLimits { MaxDurationSeconds = 1 }).ValidateAsync(Tone(maker, "long.mp3", "-c:a", "libmp3lame"));

        Assert.Equal(VideoRejections.TooLong, result.Code);
        Assert.Equal("The song is 0:02 long; the limit is 0:01.", result.Message);
    }

    [Fact]
    public async Task Decoding_gives_mono_samples_at_the_asked_rate_with_the_tone_in_them()
    {
        var samples = await new AudioDecoder().DecodeMonoAsync(Tone(maker, "decode.wav", "-c:a", "pcm_s16le"), sampleRate: 8000);

        Assert.InRange(samples.Length, 2 * 8000 - 200, 2 * 8000 + 200);
        // A full-scale-ish sine: peaks near its amplitude, and 440 Hz crosses zero about 880 times a second.
        Assert.InRange(samples.Max(), 0.05f, 1f);
        var crossings = samples.Zip(samples.Skip(1)).Count(p => p.First < 0 != p.Second < 0);
        Assert.InRange(crossings, 2 * 880 - 40, 2 * 880 + 40);
    }

    [Fact]
    public async Task Decoding_a_file_without_audio_fails_with_ffmpegs_reason()
    {
        await Assert.ThrowsAsync<MediaToolException>(() => new AudioDecoder().DecodeMonoAsync(TestMedia.File("video/pose_squats.mp4")));
    }
}
