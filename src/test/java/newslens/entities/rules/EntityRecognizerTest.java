package newslens.entities.rules;

import newslens.entities.Mention;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Behaviour on sentences written for this test. */
class EntityRecognizerTest {

    private static final EntityRecognizer RECOGNIZER = EntityRecognizer.standard();

    private static List<String> spans(String text) {
        return RECOGNIZER.recognize(text, null).stream().map(m -> m.surface() + "/" + m.entityType()).toList();
    }

    @Test
    void spansFollowTheGoldConventions() {
        assertEquals(List.of("Nguyễn Văn An/PER", "tỉnh Quảng Nam/LOC"),
                spans("Hôm qua ông Nguyễn Văn An về tỉnh Quảng Nam."));
        assertEquals(List.of("Bộ Giáo dục và Đào tạo/ORG", "UBND tỉnh Quảng Nam/ORG"),
                spans("Hôm qua Bộ Giáo dục và Đào tạo làm việc với UBND tỉnh Quảng Nam."));
        assertEquals(List.of("người Việt/MISC", "tiếng Anh/MISC"), spans("Nhiều người Việt học tiếng Anh."));
    }

    @Test
    void bareCapitalisedRunsArePeopleOnlyWhenTheyReadAsGivenNames() {
        assertEquals(List.of("Minh Chiến/PER"), spans("Cuối cùng, Minh Chiến đã về nhà."));
        assertTrue(spans("Cuối cùng, Galaxy Note đã ra mắt.").isEmpty());
        assertEquals(List.of("Mark Hughes/PER"), spans("Cuối cùng, Mark Hughes đã về nhà."));
    }

    @Test
    void aTitleBeforeAnOrganisationLeavesTheHoldersNameOutOfIt() {
        assertEquals(List.of("Bộ Y tế/ORG", "Nguyễn Văn An/PER"),
                spans("Hôm qua Thứ trưởng Bộ Y tế Nguyễn Văn An phát biểu."));
        assertEquals(List.of("Đoàn Văn Hậu/PER"), spans("Hôm qua hậu vệ Đoàn Văn Hậu ghi bàn."));
    }

    @Test
    void anAcronymBeforeAFullNameIsNotPartOfIt() {
        assertEquals(List.of("Trương Minh Hoàng/PER"), spans("Hôm qua, ĐBQH Trương Minh Hoàng phát biểu ở hội trường."));
        assertEquals(List.of("Trần Ngọc Phương/PER"), spans("Theo KTS Trần Ngọc Phương, ngôi nhà rất đẹp."));
        assertTrue(spans("Hôm qua, ĐBQH Hùng phát biểu.").stream().noneMatch(s -> s.contains("ĐBQH")));
    }

    @Test
    void initialsAfterAPersonTitleAreThatPerson() {
        assertEquals(List.of("N.V.T/PER", "Đ.T.T.D/PER"),
                spans("Trong vụ cháy, anh N.V.T bị thương và chị Đ.T.T.D đã tử vong."));
        assertEquals(List.of("UBND TP.HCM/ORG"), spans("Hôm qua, UBND TP.HCM họp."));
        assertEquals(List.of("N.T.T./PER"), spans("Hôm qua, nạn nhân N.T.T. không qua khỏi."));
        assertEquals(List.of("N.V.T/PER"), spans("Người bị bắt là anh N.V.T."));
    }

    @Test
    void aBodysFieldsInLowerCaseLeadToItsName() {
        assertEquals(List.of("Nhà máy chế biến cao su Phú Lộc/ORG"),
                spans("Năm nay, Nhà máy chế biến cao su Phú Lộc tăng công suất."));
        assertEquals(List.of("Công ty CP vận tải Hà Tĩnh/ORG"), spans("Xe của Công ty CP vận tải Hà Tĩnh bị hỏng."));
        assertTrue(spans("Nhà máy xi măng sẽ hoạt động trở lại.").isEmpty(), "fields with no name after them");
    }

    @Test
    void aClosingSyllableThatHeadsBodiesStaysInANameATitleOrAUnitOpens() {
        assertEquals(List.of("Đan Trường/PER"), spans("Tối qua, ca sĩ Đan Trường biểu diễn."));
        assertEquals(List.of("thôn Phú Hội/LOC"), spans("Người dân thôn Phú Hội phản ánh."));
        assertEquals(List.of("tỉnh Nghệ An/LOC", "Hội Nông dân/ORG"), spans("Ở tỉnh Nghệ An Hội Nông dân họp."));
    }

    @Test
    void aGroundIsASiteOfItsOwn() {
        assertEquals(List.of("sân Hàng Đẫy/LOC"), spans("Đội khách thắng 2-0 trên sân Hàng Đẫy."));
        assertEquals(List.of("loc:san_thanh_hoa"), RECOGNIZER.recognize("Trận đấu trên sân Thanh Hóa bị hoãn.", null)
                .stream().map(Mention::entityId).toList(), "the ground, not the province");
        assertTrue(spans("Các cầu thủ ra sân tập luyện.").isEmpty());
    }

    @Test
    void anEmbassyIsNamedByItsCountry() {
        assertEquals(List.of("Đại sứ quán Pháp/ORG", "Hà Nội/LOC"), spans("Hôm qua, Đại sứ quán Pháp ở Hà Nội mở cửa."));
        assertEquals(List.of("Pháp/LOC"), spans("Hôm qua, Đại sứ Pháp phát biểu."));
        assertEquals(List.of("Hạm đội Biển Đen/ORG"), spans("Một tàu của Hạm đội Biển Đen vừa về cảng."));
    }

    @Test
    void localBodiesAreNamesOnlyWithTheirPlace() {
        assertEquals(List.of("Sở Y tế tỉnh Bắc Giang/ORG"), spans("Theo Sở Y tế tỉnh Bắc Giang, dịch đã giảm."));
        assertTrue(spans("Theo Sở Y tế, dịch đã giảm.").isEmpty());
        assertEquals(List.of("Forbes/ORG"), spans("Theo tạp chí Forbes, ông giàu nhất."));
    }

    @Test
    void aPortfolioAfterATitleIsNoPerson() {
        assertEquals(List.of("Nhật Bản/LOC"), spans("Theo Bộ trưởng Quốc phòng Nhật Bản, tên lửa đã bay qua."));
    }

    @Test
    void provincesAreClubsInMatchReports() {
        String report = "Bình Dương cầm hòa Hải Phòng ở vòng đấu thứ 19 V-League. Cầu thủ hai đội chơi hay, thủ môn "
                + "cứu thua nhiều lần, tỷ số 0-0. Trận đấu diễn ra tại Bình Dương.";
        assertEquals(List.of("Bình Dương/ORG", "Hải Phòng/ORG", "V-League/MISC", "Bình Dương/LOC"), spans(report));
        assertEquals(List.of("Bình Dương/LOC", "Hải Phòng/LOC"), spans("Hôm qua Bình Dương và Hải Phòng có mưa."));
    }

    @Test
    void anAcronymBeforeACountryIsThatCountrysOrganisation() {
        assertEquals(List.of("BHXH Việt Nam/ORG"), spans("Theo BHXH Việt Nam, số người khám bệnh tăng."));
    }

    @Test
    void namesNeverMatchInsideWords() {
        assertTrue(spans("Ngay sau đó, họ đi tiếp.").isEmpty());
    }

    @Test
    void ambiguousCountryNamesNeedContext() {
        assertEquals(List.of("Nguyễn Thị Nga/PER"), spans("Hôm nay chị Nguyễn Thị Nga đi chợ."));
        assertTrue(spans("Anh ấy đi làm sớm.").isEmpty());
        assertEquals(List.of("Anh/LOC", "Pháp/LOC"), spans("Hôm qua Anh và Pháp ký hiệp định."));
    }

    @Test
    void shortFormsLinkToTheFullName() {
        List<Mention> mentions = RECOGNIZER.recognize(
                "Hôm qua ông Trần Minh Khôi phát biểu. Sau đó, ông Khôi rời Hà Nội.", null);
        assertEquals(mentions.get(0).entityId(), mentions.get(1).entityId());
        assertEquals(Mention.COREF, mentions.get(1).method());
        assertEquals("Trần Minh Khôi", mentions.get(1).canonicalName());
    }

    @Test
    void foreignNamesThatTheArticleRepeatsAloneArePeople() {
        List<String> found = spans("Tiền vệ Tomas Wexler chuyền cho Jonah Kessel. Phút cuối, Kessel ghi bàn. "
                + "Hãng giới thiệu Vortex Prime và Vortex Prime 2.");
        assertTrue(found.containsAll(List.of("Jonah Kessel/PER", "Kessel/PER")), found.toString());
        assertTrue(found.stream().noneMatch(s -> s.startsWith("Vortex")), "a product named with a model number: "
                + found);
    }

    @Test
    void namesListedWithPeopleArePeople() {
        List<String> found = spans("Hàng thủ có Trần Quốc Bảo, Mbolo, Kessler và Ngô Đình Tú. Ông Lê Văn An, Ủy viên"
                + " Thường vụ, phát biểu.");
        assertTrue(found.containsAll(List.of("Mbolo/PER", "Kessler/PER")), found.toString());
        assertTrue(found.stream().noneMatch(s -> s.startsWith("Ủy")), "a title after a listed name: " + found);
    }

    @Test
    void aCountryWordInsideAWordIsNoCountry() {
        assertEquals(List.of("Nhật/LOC"), spans("Cô dạy Anh văn ở Nhật, học phí 300 bảng Anh, lo thủ tục pháp lý."));
    }

    @Test
    void aPeopleOrALanguageIsNamedWithItsHeadWord() {
        List<Mention> mentions = RECOGNIZER.recognize("Người Việt Nam ở Đức học tiếng Đức.", null);
        List<String> names = mentions.stream().map(m -> m.canonicalName() + "/" + m.entityType()).toList();
        assertTrue(names.containsAll(List.of("Người Việt Nam/MISC", "tiếng Đức/MISC", "Đức/LOC")), names.toString());
    }

    @Test
    void anAcronymAfterAPlaceAbbreviatesTheNameThePlaceCloses() {
        List<Mention> mentions = RECOGNIZER.recognize("Theo Viện nghiên cứu nông nghiệp và môi trường đô thị bền vững"
                + " Hàn Quốc (KIAUE), mùa màng giảm. Số liệu về Hàn Quốc (KSX) chưa rõ.", null);
        Mention acronym = mentions.stream().filter(m -> m.surface().equals("KIAUE")).findFirst()
                .orElseThrow(() -> new AssertionError(mentions.toString()));
        assertEquals("ORG", acronym.entityType(), "an organisation's acronym, not the country's");
        assertTrue(mentions.stream().noneMatch(m -> m.surface().equals("KSX")), "no head word: nothing is known");
        assertTrue(mentions.stream().filter(m -> m.entityId().equals("loc:han_quoc")).count() <= 2, mentions.toString());
    }

    @Test
    void aForeignWordRightAfterAtIsAPlace() {
        assertEquals(List.of("Oakridge/LOC"), spans("Nước lũ dâng cao ở Oakridge sau cơn bão."));
        assertTrue(spans("Khán giả chờ đợi Nightfall phần hai, ra mắt từ Nightfall đầu tiên.").isEmpty(),
                "after other cues a foreign word may be a film");
    }

    @Test
    void aBodysNumberClosesItsName() {
        assertEquals(List.of("Bệnh viện Quân y 211/ORG"), spans("Ông được chuyển tới Bệnh viện Quân y 211 điều trị."));
        assertEquals(List.of("Bệnh viện 108 Quảng Ngãi/ORG"), spans("Các bác sĩ Bệnh viện 108 Quảng Ngãi đã hội chẩn."));
        assertEquals(List.of("Công ty Hoàng Long/ORG", "Đà Nẵng/LOC"),
                spans("Công ty Hoàng Long 2019 mới chuyển về Đà Nẵng."), "a year is no body's number");
    }

    @Test
    void dottedTitlesIntroduceNames() {
        assertEquals(List.of("Phan Quốc Việt/PER", "Kim Soo Min/PER"),
                spans("GS. Phan Quốc Việt và TS. Kim Soo Min trao đổi."));
    }

    @Test
    void aSurnameRunKeepsAFinalGivenNameThatAlsoHeadsBodies() {
        assertEquals(List.of("Phạm Văn Hội/PER"), spans("Bị cáo Phạm Văn Hội khai nhận hành vi."));
        assertEquals(List.of("Lê Thị Đoàn/PER"), spans("Bà Lê Thị Đoàn cho biết thêm."));
    }

    @Test
    void aFirmNamedShortAfterItsFullNameIsThatFirm() {
        List<Mention> mentions = RECOGNIZER.recognize(
                "CTCP Cơ khí Lam Sơn Xanh vừa khánh thành nhà máy mới. Năm nay, Lam Sơn Xanh xuất khẩu 300 máy bơm.",
                null);
        assertEquals("CTCP Cơ khí Lam Sơn Xanh", mentions.get(0).surface());
        assertEquals("ORG", mentions.get(0).entityType());
        Mention shortName = mentions.stream().filter(m -> m.surface().equals("Lam Sơn Xanh")).findFirst()
                .orElseThrow(() -> new AssertionError(mentions.toString()));
        assertEquals(mentions.get(0).entityId(), shortName.entityId());
        assertEquals("ORG", shortName.entityType());
    }

    @Test
    void rolesResolveOnlyForASingleCurrentHolder() {
        String text = "Tổng thống Mỹ gặp cựu Tổng thống Barack Obama. Các Bộ trưởng và hai Tổng thống dự họp.";
        List<Mention> mentions = RECOGNIZER.recognize(text, LocalDate.of(2018, 3, 1));
        List<Mention> roles = mentions.stream().filter(m -> m.method().equals(Mention.KB_ROLE)).toList();
        assertEquals(1, roles.size());
        assertEquals("per:donald_trump", roles.get(0).entityId());
        assertTrue(mentions.stream().anyMatch(m -> m.entityId().equals("per:barack_obama")));
        assertTrue(RECOGNIZER.recognize(text, null).stream().noneMatch(m -> m.method().equals(Mention.KB_ROLE)));
    }

    @Test
    void surfacesAreTheTextAndSentencesAreCounted() {
        String text = "Ông Putin tới TP.HCM. Sau đó ông tới Đà Nẵng.";
        List<Mention> mentions = RECOGNIZER.recognize(text, null);
        for (Mention m : mentions) {
            assertEquals(text.substring(m.start(), m.end()), m.surface());
        }
        assertEquals(List.of(0, 0, 1), mentions.stream().map(Mention::sentence).toList());
    }

    @Test
    void survivesSerialisation() throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(RECOGNIZER);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            EntityRecognizer copy = (EntityRecognizer) in.readObject();
            assertEquals(RECOGNIZER.recognize("Ông Putin tới Hà Nội.", null), copy.recognize("Ông Putin tới Hà Nội.", null));
        }
    }

    @Test
    void aNameAfterATitleAndTheOfficesCountryIsAPerson() {
        assertEquals(List.of("Romania/LOC", "Klaus Iohannis/PER"),
                spans("Hôm qua Tổng thống Romania Klaus Iohannis đã bác bỏ đề cử."));
        assertEquals(List.of("Pháp/LOC"), spans("Hôm qua Bộ trưởng Pháp trả lời báo chí."));
    }

    @Test
    void aForeignGivenNameOpensAPersonsName() {
        assertEquals(List.of("Adriana Vidal/PER"), spans("Tác giả nghiên cứu Adriana Vidal cho biết kết quả tốt."));
        // Theo ("according to") is a Vietnamese word, so it opens no name although it is a given name too.
        assertTrue(spans("Theo Harbour Times, giá nhà tăng.").stream().noneMatch(s -> s.endsWith("/PER")));
    }

    @Test
    void aStormOrAWorkNamedAfterItsKindIsNoPerson() {
        assertTrue(spans("Siêu bão Harvey đổ bộ, bão Harvey gây thiệt hại lớn.").isEmpty());
        assertTrue(spans("Bộ phim Kingsman trở lại màn ảnh.").isEmpty());
        assertEquals(List.of("Harvey Weinstein/PER"), spans("Ông Harvey Weinstein bị cáo buộc."));
    }

    @Test
    void religionsAndCompaniesAreOrganisations() {
        assertEquals(List.of("đạo Phật/ORG"), spans("Theo lời dạy của đạo Phật, con người cần sống từ bi."));
        assertEquals(List.of("Standard & Poor's/ORG", "Toshiba/ORG"),
                spans("Cơ quan xếp hạng Standard & Poor's vừa hạ bậc tín nhiệm của Toshiba."));
    }

    @Test
    void aSiteNamedAfterAPlaceIsItsOwnEntity() {
        List<Mention> mentions = RECOGNIZER.recognize("Đoàn khách qua cầu Long Biên, rồi về quận Long Biên nghỉ.", null);
        assertEquals(List.of("cầu Long Biên/loc:cau_long_bien", "quận Long Biên/loc:long_bien"),
                mentions.stream().map(m -> m.surface() + "/" + m.entityId()).toList());
        assertEquals(List.of("Hoàng Sa/LOC", "lăng Minh Mạng/LOC"),
                spans("Bản đồ có hai quần đảo Hoàng Sa, còn ảnh chụp lăng Minh Mạng."));
    }

    @Test
    void aForeignGivenNameKeepsTheSurnameAKnownPersonAlsoHas() {
        assertEquals(List.of("Harry Harris/PER"), spans("Hôm qua Đô đốc Harry Harris từng nói vậy."));
        assertEquals(List.of("Ulrich Merkel/PER"), spans("Người chồng đầu tiên của bà là Ulrich Merkel."));
        assertEquals(List.of("Angela Merkel/PER"), spans("Hôm qua bà Angela Merkel phát biểu."));
    }

    @Test
    void aPlaceClosingABodysNameIsNoShortNameOfTheBody() {
        List<String> found = spans("Lũ quét ở huyện Mường La. Chủ tịch UBND huyện Mường La cho biết nước đã rút. "
                + "Đoàn vừa đến rốn lũ Mường La, Sơn La.");
        assertTrue(found.contains("Mường La/LOC"), found.toString());
        assertFalse(found.contains("Mường La/ORG"), found.toString());
    }

    @Test
    void particlesBetweenForeignNamesAreInsideTheName() {
        assertEquals(List.of("Frank de Boer/PER"), spans("Sau bốn trận, HLV Frank de Boer bị sa thải."));
        assertEquals(List.of("Edwin van der Sar/PER"), spans("Năm ấy thủ thành Edwin van der Sar giải nghệ."));
    }

    @Test
    void aTitleAfterADashIsNotPartOfTheName() {
        assertTrue(spans("Sáng qua, ông Lê Văn Thanh-Phó chủ tịch UBND huyện phát biểu.").contains("Lê Văn Thanh/PER"));
    }

    @Test
    void aGivenNameShortenedToItsInitialClosesThePersonsName() {
        assertEquals(List.of("Nguyễn Thị H./PER"), spans("Công an xác định bà Nguyễn Thị H. (SN 1959) bán hàng."));
        assertEquals(List.of("Mạnh H./PER"), spans("Anh Mạnh H. bình luận rằng ảnh rất đẹp."));
    }

    @Test
    void aPlaceEndingInAMarkedCapitalLeavesTheSentencesDot() {
        assertEquals(List.of("châu Á/LOC"), spans("Đội lần đầu vào bán kết châu Á. Sau trận, cả đội về nước."));
        assertEquals(List.of("Lê Quý D./PER"), spans("Hôm qua ông Lê Quý D. đã ra về."));
    }

    @Test
    void aBodysFieldGoesOnInLowerCaseUpToTheSentencesOwnWords() {
        assertEquals(List.of("Cục Cảnh sát giao thông/ORG"), spans("Theo Cục Cảnh sát giao thông, số vụ tai nạn đã giảm."));
        assertEquals(List.of("Bộ Y tế/ORG"), spans("Năm nay Bộ Y tế đầu tư bệnh viện mới."));
    }

    @Test
    void aCommonWordOpeningASentenceIsNoKnownSurname() {
        // "May mắn" (luckily) opens the sentence; Theresa May is known by her surname alone elsewhere.
        assertEquals(List.of("Hùng/PER"), spans("May mắn là anh Hùng đã nhận lời."));
        assertEquals(List.of("May/PER"), spans("Hôm qua bà May phát biểu."));
    }

    @Test
    void aSchoolIsNamedByTheCapitalisedRunAfterItsGrade() {
        assertEquals(List.of("Trường THPT Trần Hưng Đạo/ORG", "trường tiểu học Chu Văn An/ORG"),
                spans("Em học ở Trường THPT Trần Hưng Đạo và trường tiểu học Chu Văn An."));
        assertEquals(List.of("Tiểu học Hoàng Hoa Thám/ORG", "Trường THCS Mỹ Đình 1/ORG"),
                spans("Đoàn thăm Tiểu học Hoàng Hoa Thám và Trường THCS Mỹ Đình 1."));
        assertTrue(spans("Học sinh trường THPT phải mặc đồng phục.").isEmpty());
    }
}
