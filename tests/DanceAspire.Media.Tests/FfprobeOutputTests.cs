using DanceAspire.Media.Probing;

namespace DanceAspire.Media.Tests;

public sealed class FfprobeOutputTests
{
    [Fact]
    public void Numbers_written_as_strings_and_a_negative_display_rotation_are_read()
    {
        const string json = """
            {"streams":[{"index":0,"codec_type":"video","codec_name":"hevc","width":1920,"height":1080,
              "r_frame_rate":"30000/1001","avg_frame_rate":"0/0",
              "side_data_list":[{"side_data_type":"Display Matrix","rotation":-90}],
              "disposition":{"attached_pic":0}},
             {"index":1,"codec_type":"video","codec_name":"mjpeg","width":300,"height":300,
              "r_frame_rate":"90000/1","avg_frame_rate":"0/0","disposition":{"attached_pic":1}}],
             "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2","format_long_name":"QuickTime / MOV",
              "duration":"12.5","size":"1000","bit_rate":"640"}}
            """;

        var media = FfprobeOutput.Parse(json);

        Assert.Equal(12.5, media.DurationSeconds);
        Assert.Equal(1000, media.SizeBytes);
        Assert.Equal(640, media.BitRate);
        var video = media.Video!;
        Assert.Equal(0, video.Index);
        Assert.Equal(270, video.Rotation);
        Assert.Equal((1080, 1920), (video.DisplayWidth, video.DisplayHeight));
        Assert.Equal(30000.0 / 1001, video.FrameRatePerSecond, 6);
        Assert.Equal(0, video.AverageFrameRatePerSecond);
        Assert.Null(video.FrameCount);
        Assert.True(media.Streams[1].IsAttachedPicture);
    }

    [Fact]
    public void The_legacy_rotate_tag_counts_when_there_is_no_display_matrix()
    {
        const string json = """
            {"streams":[{"codec_type":"video","codec_name":"h264","width":640,"height":480,"tags":{"rotate":"180"}}],
             "format":{"format_name":"mov,mp4,m4a,3gp,3g2,mj2"}}
            """;

        Assert.Equal(180, FfprobeOutput.Parse(json).Video!.Rotation);
    }

    [Fact]
    public void Error_lines_lose_their_demuxer_prefix_and_the_address_of_the_file()
    {
        const string url = "https://store.blob.core.windows.net/uploads/v.mp4?sig=secret";
        var stderr = $"[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0c6a0e1c0] moov atom not found\n{url}: Invalid data found when processing input\n";

        var described = FfprobeOutput.DescribeError(stderr, url);

        Assert.Equal("moov atom not found; Invalid data found when processing input", described);
    }

    [Theory]
    [InlineData("30000/1001", 30000, 1001)]
    [InlineData("5/1", 5, 1)]
    [InlineData("25", 25000, 1000)]
    [InlineData("0/0", 0, 0)]
    [InlineData("n/a", 0, 0)]
    public void Frame_rates_parse_from_ffprobes_rationals(string text, int numerator, int denominator)
    {
        Assert.Equal(new FrameRate(numerator, denominator), FrameRate.Parse(text));
    }
}
