package newslens.ingest.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import newslens.ingest.ArticleExtractor;
import org.junit.jupiter.api.Test;

/** Syndicated copies written for this test: one story, its edited reprints, and other stories on its topic. */
class NearDuplicateFinderTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 14);

    private static final String STORY = String.join("\n",
            "Chiều 14/5, Ủy ban nhân dân tỉnh Quảng Nam tổ chức họp báo về tình hình hạn hán kéo dài tại các huyện"
                    + " miền núi phía tây của tỉnh.",
            "Theo ông Trần Văn Bình, Giám đốc Sở Nông nghiệp, đã có hơn 2.300 ha lúa vụ hè thu bị thiếu nước, trong"
                    + " đó khoảng 400 ha có nguy cơ mất trắng nếu trong mười ngày tới không có mưa.",
            "Tỉnh đã chi 12 tỷ đồng để nạo vét kênh mương, lắp đặt trạm bơm dã chiến và hỗ trợ bà con chuyển sang"
                    + " trồng các loại cây cần ít nước như ngô, đậu xanh và lạc.",
            "Nhiều hồ chứa thủy lợi hiện chỉ còn dưới 30% dung tích thiết kế, mức thấp nhất trong năm năm trở lại đây.",
            "Ông Bình cho biết ngành nông nghiệp sẽ phối hợp với các công ty thủy điện để điều tiết nước xuống hạ du,"
                    + " ưu tiên nước sinh hoạt cho người dân trước rồi mới đến nước tưới.",
            "Cơ quan khí tượng dự báo mưa trái mùa có thể xuất hiện vào cuối tháng, nhưng lượng mưa không đủ để cải"
                    + " thiện tình hình.");

    /** The wire copy without its fourth paragraph. */
    private static final String SENTENCE_DROPPED = STORY.replace(
            "Nhiều hồ chứa thủy lợi hiện chỉ còn dưới 30% dung tích thiết kế, mức thấp nhất trong năm năm trở lại"
                    + " đây.\n", "");

    /** The wire copy with a byline, re-punctuated and re-flowed. */
    private static final String BYLINE_ADDED = "Hoàng Minh (Thông tấn xã)\n"
            + STORY.replace("Chiều 14/5,", "Chiều 14/5 -").replace("\n", "\n\n");

    /** The wire copy with the second sentence reworded. */
    private static final String REWORDED = STORY.replace(
            "đã có hơn 2.300 ha lúa vụ hè thu bị thiếu nước",
            "toàn tỉnh hiện có trên 2.300 ha lúa hè thu đang thiếu nước tưới");

    /** Another story on drought in the same province: same topic and names, its own words. */
    private static final String SAME_TOPIC = String.join("\n",
            "Sáng 15/5, đoàn công tác của Bộ Nông nghiệp đã đến kiểm tra tình hình hạn hán tại huyện Nông Sơn,"
                    + " tỉnh Quảng Nam.",
            "Người dân ở đây cho biết ruộng lúa đã nứt nẻ từ đầu tháng, giếng khoan cũng cạn dần và nhiều gia đình"
                    + " phải mua nước uống.",
            "Ông Trần Văn Bình đề nghị bộ hỗ trợ thêm kinh phí xây hồ chứa nhỏ và hệ thống tưới tiết kiệm"
                    + " cho vùng cao.",
            "Đoàn ghi nhận những khó khăn và hứa sẽ báo cáo Chính phủ xem xét trong thời gian sớm nhất.");

    /** A report of the next day that repeats the lead of the first one. */
    private static final String FOLLOW_UP = String.join("\n",
            "Chiều 14/5, Ủy ban nhân dân tỉnh Quảng Nam tổ chức họp báo về tình hình hạn hán kéo dài tại các huyện"
                    + " miền núi phía tây của tỉnh.",
            "Sang ngày 16/5, mưa dông bất ngờ xuất hiện ở một số xã nhưng chỉ kéo dài chừng nửa giờ.",
            "Nhiều nông dân tranh thủ bơm nước vào ruộng, song các cán bộ khuyến nông vẫn khuyên bà con không nên"
                    + " gieo sạ thêm diện tích mới.",
            "Tỉnh tiếp tục theo dõi và sẽ công bố tình trạng thiên tai nếu hạn hán lan rộng sang các huyện đồng bằng.");

    private final NearDuplicateFinder finder = new NearDuplicateFinder(newslens.app.JobConfig.load(null).dedup());

    private static NearDuplicateFinder.Input input(String id, LocalDate date, String body) {
        return new NearDuplicateFinder.Input(id, ArticleExtractor.contentHash(body), date, body);
    }

    @Test
    void editedReprintsJoinTheOriginalAndOtherStoriesDoNot() {
        List<DuplicateGroups.Group> groups = finder.find(List.of(
                input("baoquangnam/1", DAY, STORY),
                input("tinmoi/7", DAY, STORY),                        // same body under another title
                input("vietbao/3", DAY.plusDays(1), SENTENCE_DROPPED),
                input("nongnghiep/9", DAY, BYLINE_ADDED),
                input("ahanoi/2", DAY.plusDays(2), REWORDED),
                input("baoquangnam/2", DAY.plusDays(1), SAME_TOPIC),
                input("baoquangnam/3", DAY.plusDays(2), FOLLOW_UP)));
        assertEquals(1, groups.size(), groups.toString());
        assertEquals("baoquangnam/1", groups.get(0).head());
        Map<String, DuplicateGroups.Member> members = DuplicateGroups.membersById(groups);
        assertEquals(List.of("ahanoi/2", "nongnghiep/9", "tinmoi/7", "vietbao/3"), List.copyOf(members.keySet()));
        assertEquals(DuplicateKind.EXACT, members.get("tinmoi/7").kind());
        assertEquals(1.0, members.get("tinmoi/7").similarity());
        for (String near : List.of("ahanoi/2", "nongnghiep/9", "vietbao/3")) {
            DuplicateGroups.Member member = members.get(near);
            assertEquals(DuplicateKind.NEAR, member.kind(), near);
            assertEquals("baoquangnam/1", member.duplicateOf(), near);
            assertTrue(member.similarity() >= 0.5 && member.similarity() < 1, near + " " + member.similarity());
        }
    }

    @Test
    void aReprintTooLongAfterTheOriginalIsItsOwnArticleButAnUndatedOneJoins() {
        List<DuplicateGroups.Group> groups = finder.find(List.of(
                input("baoquangnam/1", DAY, STORY),
                input("vietbao/3", DAY.plusDays(30), SENTENCE_DROPPED),
                input("nongnghiep/9", null, BYLINE_ADDED)));
        assertEquals(List.of(new DuplicateGroups.Group("baoquangnam/1", List.of(
                        new DuplicateGroups.Member("nongnghiep/9", "baoquangnam/1", DuplicateKind.NEAR,
                                DuplicateGroups.membersById(groups).get("nongnghiep/9").similarity())))),
                groups);
    }

    @Test
    void theEarliestReprintHeadsTheGroupWhateverTheInputOrder() {
        List<NearDuplicateFinder.Input> inputs = List.of(
                input("z-wire", DAY.minusDays(1), REWORDED),
                input("a-paper", DAY, STORY),
                input("m-site", DAY, SENTENCE_DROPPED));
        List<DuplicateGroups.Group> forward = finder.find(inputs);
        List<DuplicateGroups.Group> backward = finder.find(List.of(inputs.get(2), inputs.get(1), inputs.get(0)));
        assertEquals(forward, backward);
        assertEquals("z-wire", forward.get(0).head());
    }
}
