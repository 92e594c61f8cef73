"""Names, phones and addresses in Cyrillic, Chinese, Japanese, Korean, Arabic and Devanagari text.

The other recognisers read Latin script (capitalised words, English cues). Here, for
text that holds another script, the shapes and cues those languages write: a
self-introduction (`Меня зовут Борислав Ермаков`, `我叫段莹`, `제 이름은 최영식`,
`मेरा नाम सुरेन्द्र चवन है`), an honorific after a name (`石川 桃子様`, `최영식님`), a phone
after its word (`电话17396361053`, `мой телефон +7 ...`, `الهاتف: ...`), a Japanese postal code
(`〒617-8847`) and a prefecture-to-block address, a Chinese province-to-number address.

Tenth build (probe6's classes):

- **a name after a person cue**, of English (`Full name:`, `beneficiary`, `Guardian`, `treatment
  for`, `passport name is`, `Emergency contact:`, `From:`) or of the text's language (`患者`,
  `氏名`, `尊敬的`, `이름`, `환자`, `الاسم`, `المريض`, `باسم`, `नाम`, `मरीज़`, `प्रिय`), ending at a
  delimiter, an honorific, a Chinese function word (`于`, `在`), a Korean particle (`는`, `의`),
  an Arabic preposition or verb (`في`, `تعاني`) or a Hindi postposition (`को`, `ने`); in Han or
  Hangul only when a family name opens it (`患者信息` is no one) or, for three Han characters or
  more, beside a name label or an honorific (a role word before `様` is no one); a value
  rejected after a cue may be a cue itself (`患者姓名`); and a name opening an e-mail header
  line (`山本加奈 <a@b.jp>`), before `名下` ("in the name of"), `先生` / `女士`, a Korean title
  (`김민수 고객님`), `様` / `さん` (a Japanese family name alone too) and `का रेफ़रल` ("'s referral");
- **addresses**: Chinese province, city or county, road or street and building (`...街N座
  701186`, after `住址` or `家住` too), Arabic street, building or flat number and city
  (`شارع النصر، مبنى 287، شقة 1، الشارقة`), any value after an Arabic address word or verb of
  living up to the next field, Arabic post office boxes, Japanese addresses with hyphenated
  blocks (`新宿区西新宿2-8-1`), Korean addresses with a short city name (`서울 강남구 ...로 123`),
  Indian house number, locality and six-digit PIN code;
- **dates**: written against CJK text, where no word boundary falls (`预约时间2024/04/05`); in a
  Japanese era (`令和6年3月5日`); with an Arabic or Hindi month name (`5 مارس 2024`); after a
  birth-date label of these languages (`تاريخ الميلاد`, `जन्म तिथि`, `出生日期`, `生年月日`,
  `생년월일`: a person's, not weak); and **e-mails** written against CJK text
  (`ご連絡はa@b.comまで`).

Probe10's classes: Han, Hangul and Devanagari names written the Latin way inside text of another
script: given name, space, family name; an initial, a comma after the family name, a hyphen, a
Latin word of the name (`娜 郝-刘`, `琳 N. 梁`, `मेनन, बलराम Z.`, `Smith, इन्दिरा`, `Ronald 林`,
`서연 이`), where the text holds more Latin letters than such characters; not after a house
number, not a Han word ending as a town or a street does (`辉市`, `王路I座`), Han alone only with
a family name of the list, Hangul only with one and no word ending as a place's (`강남구`); and
one word of those scripts after a greeting, a sign-off, a role or a dash (`hey भरत!`, `-- agent 强`,
`surname 张,`).

Probe11's classes: names in Cyrillic, Greek, Hebrew and Thai after a person cue of English (`holder`,
`new hire`, `delivery for`, `send ... to`) or of those languages (`Уважаемый(ая)`, `Шановний(а)`,
`Αγαπητέ/ή`, `שלום`, `ผู้ป่วย`; Cyrillic and Greek names are capitalised words); a Chinese name before
`您好`; Taiwanese addresses (postal code, road, `號之3`); and a town, a county or a district of these
scripts after an English `from`, `in` or `at` (`from 桃園縣`, `from 수원시 장안구`; weak).

ASCII text is skipped at once.
"""

from __future__ import annotations

import re

from global_orchestrator.policies._phi_lexicon import LOWER, UPPER, census, english
from global_orchestrator.policies._phi_spans import Span

_CYR_WORD = r"[\u0410-\u042f\u0401][\u0430-\u044f\u0451]{1,30}"  # a capitalised Cyrillic word
_HAN = r"[\u4e00-\u9fff]"
_KANA = r"[\u3040-\u30ff]"
_HANGUL = r"[\uac00-\ud7a3]"
_NAMES = re.compile(
    # Russian, Ukrainian: "my name is", "I am"
    rf"(?:(?i:меня\s+зовут|моё\s+имя|мое\s+имя|мене\s+звати)\s+)({_CYR_WORD}(?:\s+{_CYR_WORD}){{0,2}})"
    # Chinese: "I am called", "my name is"
    rf"|(?:我叫|我的名字(?:是|叫))({_HAN}{{2,4}})"
    # Japanese: "my name is ... desu"; a family and a given name before -sama or -san (with the
    # space between them: `会員様`, "dear member", is no one)
    rf"|(?:私の名前は)({_HAN}{{1,4}}(?:[ \u3000]?{_HAN}{{1,4}})?)(?:です|と申します)"
    rf"|(?<!{_HAN})({_HAN}{{1,4}}[ \u3000]{_HAN}{{1,4}})(?:様|さん)"
    # Korean: "my name is"; a three-syllable name before -nim or -ssi (`고객님`, "dear customer",
    # and `선생님`, "teacher", have two)
    rf"|(?:제\s?이름은)\s?({_HANGUL}{{2,4}})(?:입니다|이에요|예요|이고|이며)?"
    rf"|(?<!{_HANGUL})({_HANGUL}{{3}})(?:님|씨)"
    # Hindi: "my name ... is"
    r"|(?:मेरा\s+नाम|मेरा नाम)\s+([\u0900-\u097f]+(?:\s+[\u0900-\u097f]+){0,2}?)\s+(?:है|हूँ|हूं)"
)
_PHONE = re.compile(
    r"(?:电话|電話|手机|手機|携帯|전화(?:번호)?|휴대폰|핸드폰|(?i:телефон|тел\.?)|फ़ोन|फोन|मोबाइल|"
    r"الهاتف|هاتف|الجوال|جوال|موبايل|연락처)"
    r"(?:[^\d\n+]{0,12})(\+?\d[\d \-()]{6,18}\d)"
)
_ADDRESS = re.compile(
    r"〒\s?\d{3}-?\d{4}"
    # Japanese: prefecture, city or ward, then the block (丁目, 番, 号)
    rf"|{_HAN}{{1,3}}[都道府県]{_HAN}{{1,6}}[市区町村郡](?:{_HAN}|{_KANA}){{0,12}}\d{{1,4}}丁目(?:\d{{1,4}}番(?:地)?)?(?:\d{{1,4}}号)?"
    # Chinese: province or city, district, road or street and number
    rf"|{_HAN}{{2,6}}[省市]{_HAN}{{1,8}}[区县市]{_HAN}{{1,12}}[路街道巷]\d{{1,5}}号"
    # Korean: province or metropolitan city, city / county / district, road (`로`, `길`) and
    # building number, the neighbourhood in brackets after it
    rf"|{_HANGUL}{{1,6}}(?:특별시|광역시|특별자치시|특별자치도|도)[ \t]{_HANGUL}{{1,6}}[시군구]"
    rf"(?:[ \t]{_HANGUL}{{1,6}}[구읍면])?[ \t](?:{_HANGUL}|\d){{1,12}}(?:로|길)[ \t]?\d{{1,5}}(?:-\d{{1,5}})?"
    rf"(?:[ \t]?\([^)\n]{{1,20}}\))?"
    # Greek: a postal code after its mark (Tau Kappa, `TK 77668`, `T.K. 104 31` in Greek letters)
    r"|(?<![\w.])\u03a4\.?\u039a\.?[ \t]?\d{3}[ \t]?\d{2}(?!\d)"
)
_GROUPS = range(1, 8)


_SCRIPT_CHAR = re.compile(
    r"[\u0400-\u04ff\u0600-\u06ff\u0900-\u097f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3\u3012\u0386-\u03ce"
    r"\u05d0-\u05ea\u0e01-\u0e4e]"
)
"""A gate: a character of one of the scripts above, Arabic, Greek, Hebrew or Thai (or the postal mark)."""


# Family names, for a name in Han or Hangul after a cue (a word after `患者` is a name only if
# it opens with one): the common Chinese surnames (one character), the compound ones, the
# common Japanese ones (one to three characters) and the Korean ones (one syllable, or two)
_ZH_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
    "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔"
    "向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌"
    "毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
    "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩"
    "明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强"
    "帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修"
    "邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公湛宾戎勾茅利於居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧"
    "張劉陳楊黃趙吳孫馬鄭謝許韓馮鄧蕭董葉蘇魏呂盧鍾譚陸賈韋鄒閻龔錢顏聶魯嚴龐萧邱"
)
_ZH_COMPOUND = frozenset(
    ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文"]
)
_JA_SURNAMES = frozenset(
    " ".join(
        (
            "佐藤 鈴木 高橋 田中 渡辺 渡邊 伊藤 山本 中村 小林 加藤 吉田 山田",
            "佐々木 山口 松本 井上 木村 林 斎藤 斉藤 清水 山崎 森 池田 橋本 阿部",
            "石川 山下 中島 石井 小川 前田 岡田 長谷川 藤田 後藤 近藤 村上 遠藤",
            "青木 坂本 福田 太田 西村 藤井 金子 岡本 藤原 中野 三浦 原田 中川",
            "松田 竹内 小野 田村 中山 和田 石田 森田 上田 原 内田 柴田 酒井 宮崎",
            "横山 高木 安藤 宮本 大野 小島 工藤 谷口 今井 高田 丸山 増田 杉山",
            "村田 大塚 小山 平野 藤本 河野 上野 野口 武田 松井 千葉 岩崎 菅原",
            "木下 久保 佐野 野村 松尾 市川 菊地 杉本 古川 大西 島田 水野 桜井",
            "高野 渡部 吉川 山内 西田 飯田 菊池 西川 小松 北村 安田 五十嵐 川口",
            "平田 関 中田 久保田 服部 東 岩田 土屋 川崎 福島 本田 辻 樋口 秋山",
            "田口 永井 山中 中西 吉村 川上 石原 大橋 松岡 馬場 浅野 荒木 大久保",
            "野田 小池 宇野 津田 村井 宮田 小西 片山 大島 北川 堀 岡 星野 今村",
            "河合 中尾 望月 矢野 田辺 松下 浜田 早川 川村 三宅 根本",
        )
    ).split(" ")
)
_KO_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노하곽성차주우구민진나지엄채원천방공현"
    "함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형계피두감음빈동온"
)
_KO_COMPOUND = frozenset(["남궁", "선우", "황보", "제갈", "독고", "사공", "서문"])
_HIRA = r"[\u3041-\u309f]"
_AR_WORD = r"[\u0621-\u064a\u0671-\u06d3][\u0621-\u065f\u0670-\u06d3]{0,20}"
_DEVA_WORD = r"[\u0900-\u0963\u0971-\u097f][\u0900-\u0963\u0971-\u097f\u2019']{0,20}"
_HAN_NAME = r"[\u4e00-\u9fff\u3005]"  # Han and the repeat mark (`佐々木`)
_CYR_NAME_WORD = r"[\u0400-\u042f\u0490][\u0430-\u045f\u0491'\u2019-]{1,25}"
_GR_WORD = r"[\u0386\u0388-\u038f\u0391-\u03a9][\u03ac-\u03ce]{1,25}"
_HE_WORD = r"[\u05d0-\u05ea][\u05d0-\u05ea\u05f3\u05f4'\"]{1,15}"
_TH_WORD = r"[\u0e01-\u0e2e\u0e40-\u0e44][\u0e01-\u0e4e]{1,30}"
_SCRIPT_NAME = (
    rf"({_HAN_NAME}{{2,5}}|{_HAN_NAME}{{1,3}}{_HIRA}{{1,4}}{_HAN}?|{_HANGUL}{{2,4}}?"
    rf"|{_AR_WORD}(?:[ ]{_AR_WORD}){{0,4}}|{_DEVA_WORD}(?:[ ]{_DEVA_WORD}){{0,3}}"
    # Cyrillic and Greek names are capitalised words; Hebrew and Thai ones words of their letters
    rf"|{_CYR_NAME_WORD}(?:[ ]{_CYR_NAME_WORD}){{0,2}}|{_GR_WORD}(?:[ ]{_GR_WORD}){{0,2}}"
    rf"|{_HE_WORD}(?:[ ]{_HE_WORD}){{0,2}}|{_TH_WORD}(?:[ ]{_TH_WORD})?)"
)
# what may follow a name: a delimiter (`,`, `/`, `(`, the Arabic comma, the danda, full-width
# punctuation), the end, or an honorific
_NAME_END = (
    r"(?=[ \t]*(?:[,;:/|()<>\[\]\u060c\u061b\u0964\uff0c\u3001\u3002\uff08\uff09\uff1a\n]|"
    r"\.(?![A-Za-z0-9])|$|[A-Za-z]|様|さん|님|씨|"
    r"先生|女士|です|と申します|입니다|이고|이며|이에요|예요|जी\b"
    # a Chinese function word after a name in a sentence (`患者李明于3月5日就诊`: "on"), a Korean
    # particle (`김민수는`, `김민수의`)
    r"|(?<=[\u4e00-\u9fff])[于在的已因来到和与将从被说今昨]"
    r"|(?<=[\uac00-\ud7a3])(?:은|는|이|가|의|을|를|에게|께서|와|과|도)(?![\uac00-\ud7a3])"
    # an Arabic preposition or verb after a name (`المريض أحمد علي في ...`: "in"), a Hindi postposition
    # (`राम कुमार को ...`: "to")
    r"|(?<=[\u0621-\u06d3])[ ](?:في|من|إلى|على|عن|مع|يعاني|تعاني|لديه|لديها|حضر|حضرت|راجع|راجعت|وصل|وصلت|"
    r"بتاريخ|يوم|رقم|المولود|المولودة|مواليد)(?![\u0621-\u06d3])"
    r"|(?<=[\u0900-\u097f])[ ](?:को|ने|का|की|के|से|में|है|हैं|था|थी)(?![\u0900-\u097f])))"
)
_CUED_NAME = re.compile(
    # a person word of English or of the text's language, then (a colon and) the name
    r"(?:(?<![A-Za-z])(?i:(?:full|passport|patient|given|legal|account)[ ]name(?:[ ]is)?|"
    r"name[ ](?:is|was)|name|"
    r"patient|beneficiary|guardian|account[ ]holder|holder|caregiver|applicant|insured|cardholder|"
    r"traveller|traveler|passenger|resident|employee|sponsor|tenant|recipient|payee|sender|spouse|wife|"
    r"husband|son|daughter|mother|father|brother|sister|next[ ]of[ ]kin|"
    r"(?:emergency[ ])?contact(?:[ ]person)?|signed(?:[ ]by)?|attn|registration|"
    r"(?:treatment|referral|consent|care)[ ]for|"
    r"dear|mr|mrs|ms|dr|i[ ]am|i'm|this[ ]is|surname|"
    r"customer|client|member|guest|visitor|requester|student|owner|policyholder|subscriber|claimant|"
    r"(?:prepared|reviewed|approved|verified|issued|referred|seen|examined)[ ]by|"
    r"forenames?|(?:from|to|cc)(?=[ ]*:)|new[ ]hire|delivery[ ]for|"
    r"(?:send|sent|deliver|ship|mail|forward)(?:[ ][a-z]{1,12}){0,3}[ ]to)\.?"
    # Russian, Ukrainian, Greek, Hebrew and Thai person words and greetings
    r"|(?i:уважаем(?:ый|ая)(?:\(ая\))?|шановн(?:ий|\u0430)(?:\(\u0430\))?|дорог(?:ой|ая)|пациент(?:ка)?|"
    r"пацієнт(?:ка)?|\u0433-н|\u0433-жа|ФИО|ПІБ|αγαπητ[έή](?:/[ήέ])?|κύριε|κυρία|ασθεν[ήέ]ς|ονοματεπώνυμο|όνομα)"
    r"|שלום|לכבוד|המטופלת|המטופל|מטופלת|מטופל|ผู้ป่วย|ชื่อ"
    r"|姓名|氏名|名前|お名前|患者|病人|联系人|收款人|申请人|持卡人|户名|监护人|被保险人|家属|尊敬的|亲爱的|我是|"
    r"申込者|契約者|保護者|担当医|担当者?|名義|私は|이름|성명|성함|환자|보호자|신청인|신청자|예금주|수취인|수신인|"
    r"고객명|환자명|보호자명|담당자|피보험자|저는|"
    r"الاسم[ ]الكامل|الاسم[ ]الثلاثي|اسم[ ]المريضة|اسم[ ]المريض|الاسم|اسمي|"
    r"المريضة|المريض|للمريضة|للمريض|السيدة|السيد|للسيدة|للسيد|المستفيد|صاحب[ ]الحساب|ولي[ ]الأمر|عزيزي|"
    r"عزيزتي|باسم|لصالح|المواطنة|المواطن|مقدم[ ]الطلب|الزوجة|الزوج|الابنة|الابن|جهة[ ]الاتصال|"
    r"الدكتورة|الدكتور|د\.|الأستاذة|الأستاذ|नाम|मरीज़|मरीज|रोगी|श्रीमती|श्री|सुश्री|प्रिय|डॉ\.?|लाभार्थी|खाताधारक|"
    r"अभिभावक|कुमारी|आवेदक|संपर्क|पिता|पति|पत्नी|पुत्र|पुत्री)"
    r"[ \t]*[:\uff1a]?[ \t]*"
    rf"{_SCRIPT_NAME}{_NAME_END}"
    # an e-mail header line, `Name <address>`
    rf"|(?m:^)[ \t]*{_SCRIPT_NAME}[ \t]*<[\w.+-]+@"
    # Hindi: "I am <name> speaking" (`मैं अंजलि मेहता बोल रही हूँ`)
    rf"|मैं[ ]({_DEVA_WORD}(?:[ ]{_DEVA_WORD}){{0,2}}?)[ ]बोल[ ]र(?:हा|ही)"
    # Chinese: money "transferred to <name>'s account"
    rf"|(?:转至|转到|转给|汇至|汇入)({_HAN}{{2,4}})名下"
    # Hindi: "<name>'s referral / address / phone ..." opening a sentence
    rf"|(?:^|[.\u0964!?\n][ \t]*)({_DEVA_WORD}(?:[ ]{_DEVA_WORD}){{1,2}})[ ](?:का|की|के)[ ]"
    r"(?:रेफ़रल|रेफरल|पता|फ़ोन|फोन|मोबाइल|ईमेल|जन्म|आधार|खाता|रिपोर्ट|अपॉइंटमेंट|इलाज)"
    # Japanese: a name before -sama or -san with no space in it, opening a sentence
    rf"|(?<![\u3040-\u30ff\u4e00-\u9fff])({_HAN_NAME}{{2,5}}|{_HAN_NAME}{{1,3}}{_HIRA}{{1,4}}{_HAN}?)"
    r"[ \u3000]?(?:様|さん|殿)"
    # Korean: a name before its title, which follows it (`김민수 고객님`, `이지은 환자`)
    rf"|(?<!{_HANGUL})({_HANGUL}{{3,4}})[ ]?(?:고객님|환자|보호자님|선생님|교수님|원장님|간호사|님|씨)"
    r"(?![\uac00-\ud7a3])"
    # Chinese: a name before "Mr" or "Ms" (`王伟先生`, `李娜女士`)
    rf"|(?<![\u3040-\u30ff\u4e00-\u9fff])({_HAN}{{2,3}})(?:先生|女士|小姐|医生|大夫|护士|老师)"
    # Japanese: "I am <name>" said after the name (`鈴木陽一と申します`), opening a sentence
    rf"|(?:^|(?<=[\u3002\uff01\uff1f\n]))[ \t\u3000]*"
    rf"({_HAN_NAME}{{2,5}}|{_HAN_NAME}{{1,3}}{_HIRA}{{1,4}}{_HAN}?)(?:と申します|です。)"
    # a name in any of these scripts before ", born" (`New registration: 陶辉, born 1945年10月1日`)
    rf"|(?<=[:\uff1a][ ])({_HAN_NAME}{{2,5}}|{_HANGUL}{{2,4}}|{_AR_WORD}(?:[ ]{_AR_WORD}){{0,6}}|"
    rf"{_DEVA_WORD}(?:[ ]{_DEVA_WORD}){{0,3}}),[ ](?i:born|b\.|dob)\b"
)
_CUED_GROUPS = range(1, 11)
_NOT_NAME_WORDS = frozenset(
    # Arabic and Hindi words that follow a person cue and are no name ("to", "in", "address" ...)
    " ".join(
        (
            "إلى في من على عن العنوان الموعد رقم تاريخ قسم الكريم العزيز المحترم",
            "مع يعاني تعاني لديه لديها حضر حضرت راجع راجعت وصل وصلت بتاريخ يوم المولود المولودة مواليد",
            "का की के है हैं था थी ने में से को पता नाम मरीज़ मरीज जन्म फ़ोन जी साथ",
        )
    ).split(" ")
)
_NOT_NAMES_CJK = frozenset(
    # Chinese and Korean words after a person cue that open with a family name and are no one
    # ("patient safety", "patient guide", "the guardian's consent form" ...)
    " ".join(
        (
            "安全 安排 管理 满意 权利 方案 金额 程序 文件 康复 高危 高龄 严重 常规 平均 费用 解释 应急 华人",
            "安全性 管理费 满意度 康复期 정보란 안내문 안내서 신청서 동의서 진료비 확인서 진단서 문의처",
            "이용자 관리자 담당자 보호자 대기실 방문객 전화번호 주소지 사용자 구매자 신청자 판매자",
            "주문자 수령인 방문자 예약자 가입자 작성자 참가자 당첨자 소비자 시청자 운전자 보험자 계약자",
        )
    ).split(" ")
)


_HONORIFIC = re.compile(r"[ \u3000]?(?:様|さん|殿|先生|女士)")
_FUNCTION_CHARS = "于在的已因来到和与将从被说今昨"
_TITLES_AFTER = ("先生", "女士", "小姐", "医生", "大夫", "护士", "老师")
_NAME_LABEL = ("姓名", "氏名", "名前", "お名前")
_ROLE_END = "者員長部社係課様"  # `担当者`, `会員`, `利用者`: a role before -sama, no one


def _script_name_ok(name: str, sure: bool = False) -> bool:
    """A value after a person cue that reads as a name in its script (a family name opens Han and Hangul).

    `sure`: a name label or an honorific is beside it (`Name:`, `氏名`, `... 様`); three Han characters
    or more then need no family name of the lists (a Japanese one the list lacks), only not to
    end as a role word does.
    """
    first = name[0]
    if name in _NOT_NAMES_CJK:
        return False
    if "\uac00" <= first <= "\ud7a3":
        return (len(name) == 3 and first in _KO_SURNAMES) or (len(name) == 4 and name[:2] in _KO_COMPOUND)
    if "\u4e00" <= first <= "\u9fff":
        if name[-1] in _ROLE_END:
            return False
        if any(name[:k] in _JA_SURNAMES for k in (1, 2, 3) if len(name) > max(k, 2)):
            return True
        if sure and (len(name) >= 3 or name in _JA_SURNAMES):  # `山田様`: a family name and -sama
            return True
        return len(name) <= 4 and (first in _ZH_SURNAMES or name[:2] in _ZH_COMPOUND)
    return name.split(" ", 1)[0] not in _NOT_NAME_WORDS


_DEVA_POSTPOSITION = "(?:को|ने|का|की|के|से|में|पर|है|हैं|था|थी)"
"""Hindi postpositions and copulas: no town's name after a PIN code (`... 435632 में`)."""
_ZH_ADDRESS = (
    rf"(?:{_HAN}{{2,8}}?(?:省|自治区))?{_HAN}{{1,8}}?[市县区]{_HAN}{{1,14}}?[路街道巷]"
    r"[A-Za-z0-9]{1,5}[座号栋室](?:[ \t]?\d{6}(?!\d))?"
)
_AR_ADDRESS = (
    rf"(?:شارع|طريق|جادة|حي)[ \t]+{_AR_WORD}(?:[ \t]{_AR_WORD}){{0,3}}"
    r"(?:[\u060c,]?[ \t]*(?:مبنى|بناية|عمارة|فيلا|منزل|شقة|طابق|رقم)[ \t]*(?:رقم[ \t]*)?\d{1,5}){1,3}"
    rf"(?:[\u060c,][ \t]*{_AR_WORD}(?:[ ]{_AR_WORD})?(?=[ \t]*(?:[\u060c,./|;\n]|$)))?"
)
_MORE_ADDRESS = re.compile(
    # Chinese: province, city or county, road or street, building, postal code (after an address
    # word, or opening a run of Han)
    rf"(?:住址|地址|住所|居住地|家住|现住|住在|居住在|(?i:address))[ \t]*[:\uff1a]?[ \t]*({_ZH_ADDRESS})"
    rf"|(?<!{_HAN})({_ZH_ADDRESS})"
    # Chinese written road first, as a form in Latin order holds it: road or street and building, then
    # the six-digit postal code and the city or county (`李路H座, 164430 海门市`, `陆路p座 305258 辽阳县`)
    rf"|(?<!{_HAN})({_HAN}{{1,8}}?[路街道巷][A-Za-z0-9]{{1,5}}[座号栋室]"
    rf"(?:[,\uff0c]?[ \t]*\d{{6}}(?!\d)(?:[ \t]*{_HAN}{{1,6}}?[市县区州])?)?)"
    # Arabic: street, building (and flat) number, city; any value after an address word or a verb of
    # living, up to a delimiter or the next field (`، الموعد`, `، الهاتف`)
    rf"|({_AR_ADDRESS})"
    r"|(?:العنوان|عنوانه|عنوانها|يسكن[ ]في|تسكن[ ]في|يقيم[ ]في|تقيم[ ]في|المقيم[ ]في|المقيمة[ ]في)"
    r"[ \t]*:?[ \t]*"
    r"([\u0621-\u064a][^/|\n.;:]{2,80}?)(?=[ \t]*(?:[/|\n.;]|$|[\u060c,][ \t]*(?:الموعد|الهاتف|هاتف|الجوال|"
    r"البريد|رقم|تاريخ|الهوية)))"
    # Japanese: prefecture, city or ward, town, block numbers with hyphens (`東京都新宿区西新宿2-8-1`)
    rf"|({_HAN}{{1,3}}[都道府県]{_HAN}{{1,6}}[市区町村郡](?:{_HAN}|{_KANA}){{0,12}}\d{{1,4}}(?:[\-\uff0d]\d{{1,4}}){{1,2}})"
    # Korean: a city written short (`서울 강남구 테헤란로 123`), district, road and building number
    rf"|(?<!{_HANGUL})({_HANGUL}{{2,4}}[ ]{_HANGUL}{{1,5}}[구군시][ ](?:{_HANGUL}|\d){{1,12}}(?:로|길)"
    r"[ ]?\d{1,5}(?:-\d{1,5})?)"
    # Arabic: a post office box (`ص.ب 12345`)
    r"|((?<![\u0621-\u064a])ص\.?[ ]?ب\.?[ ]?\d{2,6})"
    # Indian: house number, locality and city words, six-digit PIN code
    # (a comma may come before the PIN code, and the town after it: `1/0 रोहन सक्सेना, 435632 अनंतनाग`)
    rf"|(?<![\d/])(\d{{1,5}}(?:/\d{{1,5}})?[ \t]+(?:{_DEVA_WORD}[ \t]+){{0,5}}{_DEVA_WORD}"
    rf",?[ \t-]?\d{{6}}(?!\d)(?:[ \t]+(?!{_DEVA_POSTPOSITION}(?![\u0900-\u097f])){_DEVA_WORD})?)"
)
_ADDRESS_GROUPS = range(1, 10)
_CJK_DATE = re.compile(
    r"(?<![\d/.\-])(?:19|20)\d\d([/.\-])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d/.\-])"
)
_BIRTH_DATE = re.compile(
    # a date after a birth-date label of these languages is a person's (not weak)
    r"(?:تاريخ[ ]الميلاد|تاريخ[ ]الولادة|जन्म[ ]?तिथि|जन्म[ ]की[ ]तारीख|出生日期|出生年月日|"
    r"生年月日|생년월일|출생일)[ \t]*[:\uff1a]?[ \t]*"
    r"(\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}|\d{4}年\d{1,2}月\d{1,2}日|\d{4}년[ ]?\d{1,2}월[ ]?\d{1,2}일"
    r"|(?:令和|平成|昭和|大正)(?:元|\d{1,2})年\d{1,2}月\d{1,2}日)(?![\d/.\-])"
)
_ERA_DATE = re.compile(r"(?:令和|平成|昭和|大正)(?:元|\d{1,2})年\d{1,2}月\d{1,2}日")
"""A Japanese date in an imperial era (`令和6年3月5日`, `昭和55年4月1日`)."""
_MONTH_DATE = re.compile(
    # Arabic and Hindi: day, month name, year (`5 مارس 2024`, `12 जनवरी 1990`)
    r"(?<!\d)(?:0?[1-9]|[12]\d|3[01])[ \t]+(?:يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|"
    r"سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|"
    r"अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)[ \t,]+(?:19|20)\d\d(?!\d)"
)
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]{0,63}@[A-Za-z0-9\-]{1,63}(?:\.[A-Za-z0-9\-]{1,63})*"
    r"\.[A-Za-z]{2,12}(?![A-Za-z0-9\-])"
)


# -- names in Han, Hangul or Devanagari written the Latin way, inside text of another script (probe10)
_MIXED_GATE = re.compile(r"[\u0900-\u097f\u4e00-\u9fff\uac00-\ud7a3]")
_LAT_TOK = rf"(?:[{UPPER}](?:['\u2019][{UPPER}])?[{LOWER}'\u2019]+(?:-[{UPPER}][{LOWER}'\u2019]+)?)"
_HAN_TOK = r"(?:[\u4e00-\u9fff]{1,3}(?:-[\u4e00-\u9fff]{1,3})?)"
_DEVA_TOK = rf"(?:{_DEVA_WORD}(?:-{_DEVA_WORD})?)"
_HANGUL_TOK = rf"(?:{_HANGUL}{{1,4}}(?:-{_HANGUL}{{1,4}})?)"
_SPACED_TOK = rf"(?:{_HAN_TOK}|{_HANGUL_TOK}|{_DEVA_TOK}|{_LAT_TOK}|[A-Z]\.(?=[ ,])|[A-Z](?=[ ,]))"
_SPACED_NAME = re.compile(
    # a given and a family name of Han or Devanagari with spaces between them, maybe with a Latin
    # initial, a comma after the family name or a Latin word of the name (`娜 郝-刘`, `琳 N. 梁`,
    # `मेनन, बलराम Z.`, `Smith, इन्दिरा`, `Ronald 林`), where the text around it is no such script
    rf"(?<![\w\u0900-\u097f\u3000-\u9fff\uac00-\ud7a3'\u2019.-])({_SPACED_TOK}(?:,?[ ]{_SPACED_TOK}){{1,4}}"
    r"(?:[ ][A-Z]\.)?)(?![\w\u0900-\u097f\u3000-\u9fff\uac00-\ud7a3'\u2019-])"
)
_SCRIPT_TOK = re.compile(r"[\u0900-\u097f\u4e00-\u9fff\uac00-\ud7a3]")
_ASCII_LETTERS = re.compile(r"[A-Za-z]")
_PLACE_END = "市县区省路街镇村乡座号楼州"
_SCRIPT_CUE = re.compile(
    # one word of Han or Devanagari after a greeting, a sign-off or a person's role in text of another
    # script (`hey भरत!`, `-- agent 强`, `Forum post by ज्योतिष:`, `Thanks,\nपरवीन`)
    r"(?:(?<![A-Za-z])(?i:hey|hi|hello|hola|dear|guten[ ]tag|bonjour|agent|(?:posted|post)[ ]by|ask[ ]for|"
    r"it's|it\u2019s|soy|love,|thanks,|regards,|cheers,|best,|gr\u00fc\u00dfen|"
    r"surname|forenames?|given[ ]names?)|^[ \t]*-{1,2}|,[ ]-{1,2}|"
    r"[.!?][ ]-{1,2})[ \t\n]*"
    rf"((?<![\u4e00-\u9fff])[\u4e00-\u9fff]{{1,3}}|{_DEVA_WORD})"
    r"(?=[ \t]*(?:[,!.:;)?\n]|--|$))",
    re.MULTILINE,
)


def _latin_name_word(word: str, comma: bool = False) -> bool:
    """A Latin word beside a Han or Devanagari name that is a name too (no everyday English word).

    An English word is one as a common given name, or as a surname before a comma (`Gill, अणिमा`).
    """
    common, _, surnames = census()
    key = word.lower()
    if len(key) < 2:
        return False
    if key not in english() and key.split("-", 1)[0] not in english():
        return True
    return key in common or (comma and key in surnames)


_KO_PLACE_END = "시구군동로길읍면리도역점관"
"""How a Korean town, district, road, station or branch name ends (`강남구`, `테헤란로`, `서울역`)."""


def _korean_name(words: list[str]) -> bool:
    """Whether the Hangul words of a `_spaced_names` run are a person's name.

    A family name of its own or opening a three-syllable name (`예진 김`, `박 서준`, `김예진`, `남궁 민`),
    and no word of three syllables or more that ends as a place's name does.
    """
    if any(len(w) >= 3 and w[-1] in _KO_PLACE_END for w in words):
        return False
    return any(
        (len(w) == 1 and w in _KO_SURNAMES) or w in _KO_COMPOUND or (len(w) == 3 and w[0] in _KO_SURNAMES)
        for w in words
    )


def _spaced_names(text: str) -> list[Span]:
    """Han, Hangul and Devanagari names written with spaces (and initials, commas) in Latin-script text."""
    found: list[Span] = []
    latin = len(_ASCII_LETTERS.findall(text))
    # text of that script writes its words so; only inside text of another script a name stands out
    spaced = _SPACED_NAME.finditer(text) if latin >= len(_SCRIPT_TOK.findall(text)) else iter(())
    for m in spaced:
        start = m.start(1)
        if re.search(r"\d[ \t,/]*\Z", text[max(0, start - 4) : start]):
            continue  # a house number before it: a street
        words = re.split(r"(,?[ ])", m.group(1))
        parts = [(w, sep) for w, sep in zip(words[::2], [*words[1::2], ""], strict=True)]
        # Latin words at either end that are no name (`Patient 红梅 C 康`) are no part of it
        while parts and parts[0][0][0].isascii() and not _latin_name_word(parts[0][0], parts[0][1] == ", "):
            start += len(parts[0][0]) + len(parts[0][1])
            parts.pop(0)
        while (
            parts
            and parts[-1][0][0].isascii()
            and len(parts[-1][0].rstrip(".")) > 1
            and not _latin_name_word(parts[-1][0], len(parts) > 1 and parts[-2][1] == ", ")
        ):
            parts.pop()
        while parts and len(parts[-1][0].rstrip(".")) == 1 and parts[-1][0].isascii() and len(parts) > 1:
            if any(sep.startswith(",") for _, sep in parts[:-1]):
                break  # `चतुर्वेदी, राज्य X.`: a trailing initial of `Surname, Given I.`
            parts.pop()
        words = [w for w, _ in parts]
        full = [w for w in words if len(w.rstrip(".")) > 1 or not w.isascii()]
        scripted = [w for w in full if _SCRIPT_TOK.match(w)]
        if not scripted or len(words) < 2:
            continue
        if any(w[-1] in _PLACE_END for w in scripted if "\u4e00" <= w[-1] <= "\u9fff"):
            continue  # `辉市`, `王路I座`: a town or a street
        hangul = [w for w in scripted if "\uac00" <= w[0] <= "\ud7a3"]
        if hangul and not _korean_name(hangul):
            continue  # a Korean name holds its family name (`예진 김`, `김 예진`); not `강남구`, `김치 Kit`
        han = [w for w in scripted if "\u4e00" <= w[0] <= "\u9fff"]
        if (
            han
            and len(han) == len(full)
            and not any(w[0] in _ZH_SURNAMES or w.split("-")[-1][:1] in _ZH_SURNAMES for w in han)
        ):
            continue
        end = start + len("".join(w + sep for w, sep in parts).rstrip(", "))
        found.append(Span("name", start, end, 0.8))
    for c in _SCRIPT_CUE.finditer(text):
        word = c.group(1)
        if (
            word in _NOT_NAME_WORDS
            or word[-1] in _PLACE_END
            or word[-1] in "様殿"
            or word.endswith(_TITLES_AFTER)
        ):
            continue
        found.append(Span("name", c.start(1), c.end(1), 0.8))
    return found


def _cjk(char: str) -> bool:
    """A character of Chinese, Japanese or Korean text, or its full-width punctuation."""
    return "\u3000" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7a3" or "\uff00" <= char <= "\uffef"


def _beside_cjk(text: str, start: int, end: int) -> bool:
    """The characters on either side of text[start:end] include one of CJK text."""
    return (start > 0 and _cjk(text[start - 1])) or (end < len(text) and _cjk(text[end]))


_TW_ADDRESS = re.compile(
    # a Taiwanese address: postal code, town, road (and section), lane, number (and `之` sub-number),
    # floor, then the postal code and the town after a comma (`952 永康大橋頭街11號之3`,
    # `昆陽巷6號, 49706 新竹`)
    rf"(?:(?<!\d)\d{{3,6}}[ ]?|(?<![\d\u4e00-\u9fff]))(?:{_HAN}{{1,4}}?[市縣县區区鄉乡鎮镇])?"
    rf"{_HAN}{{1,10}}?[路街巷道]"
    rf"(?:{_HAN}{{1,3}}段)?(?:\d{{1,4}}[巷弄])*\d{{1,5}}[號号](?:之\d{{1,3}})?(?:\d{{1,3}}[樓楼F])?"
    rf"(?:[,\uff0c][ ]?\d{{3,6}}[ ]?{_HAN}{{1,4}})?"
)
_GREETED_HAN = re.compile(rf"(?<![\u4e00-\u9fff])({_HAN_NAME}{{2,4}})(?:您好|你好)")
"""A Chinese name before `您好` ("hello"), opening a message (`萧桂珍您好，...`)."""
_FROM_PLACE = re.compile(
    # a town, a county or a district of another script after an English `from`, `in` or `at`
    rf"(?<![A-Za-z])(?:from|in|at|near)[ ]({_HAN}{{1,5}}[市縣县區区鄉鎮省]"
    rf"|{_HANGUL}{{1,4}}[시군구도](?:[ ]{_HANGUL}{{1,4}}[시군구동읍면])?"
    rf"|(?:г|д|п|с|пос|клх|х)\.?[ ]{_CYR_NAME_WORD}(?:[ ]{_CYR_NAME_WORD})?"
    rf"|{_GR_WORD}(?:[ ]{_GR_WORD})?)(?![\w\u4e00-\u9fff\uac00-\ud7a3])"
)


def script_names(text: str) -> list[Span]:
    """Names, phones, addresses, dates and e-mails in (or beside) the scripts above (none in ASCII text)."""
    if text.isascii() or _SCRIPT_CHAR.search(text) is None:
        return []
    found: list[Span] = []
    for m in _NAMES.finditer(text):
        group = next(g for g in _GROUPS if m.group(g))
        found.append(Span("name", m.start(group), m.end(group), 0.8))
    found += [Span("phone", m.start(1), m.end(1), 0.85) for m in _PHONE.finditer(text)]
    found += [Span("address", m.start(), m.end(), 0.85) for m in _ADDRESS.finditer(text)]
    c: re.Match[str] | None = _CUED_NAME.search(text)
    while c is not None:
        group = next(g for g in _CUED_GROUPS if c.group(g))
        cue = c.group()
        sure = (
            "name" in cue.lower()
            or cue.startswith(_NAME_LABEL)
            or _HONORIFIC.match(text, c.end(group)) is not None
        )
        name = c.group(group)
        if " " in name:  # `أحمد علي في قسم`: a name ends before a word no name holds
            words = name.split(" ")
            cut = next((i for i, w in enumerate(words) if w in _NOT_NAME_WORDS), len(words))
            name = " ".join(words[:cut]) if cut else name
        if len(name) > 3 and name.endswith(_TITLES_AFTER):  # `王伟先生`: the title is no part of it
            name = name[:-2]
        if not _script_name_ok(name, sure) and "\u4e00" <= name[0] <= "\u9fff":
            # `我是刘洋的家属`: the name ends before a function word inside the run
            start = c.start(group)
            name = next(
                (
                    name[:k]
                    for k in range(len(name) - 1, 1, -1)
                    if text[start + k] in _FUNCTION_CHARS and _script_name_ok(name[:k], sure)
                ),
                name,
            )
        if _script_name_ok(name, sure):
            found.append(Span("name", c.start(group), c.start(group) + len(name), 0.8))
            c = _CUED_NAME.search(text, c.end())
        else:  # `患者姓名\uff1a...`: what follows a cue may be a cue itself
            c = _CUED_NAME.search(text, max(c.start(group), c.start() + 1))
    if _MIXED_GATE.search(text) is not None:
        found += _spaced_names(text)
    for m in _GREETED_HAN.finditer(text) if "好" in text else ():
        if _script_name_ok(m.group(1)):
            found.append(Span("name", m.start(1), m.end(1), 0.8))
    if "號" in text or "号" in text:
        found += [Span("address", m.start(), m.end(), 0.8) for m in _TW_ADDRESS.finditer(text)]
    if " from " in text or " in " in text or " at " in text or " near " in text:
        found += [Span("address", m.start(1), m.end(1), 0.7, weak=True) for m in _FROM_PLACE.finditer(text)]
    for m in _MORE_ADDRESS.finditer(text):
        group = next(g for g in _ADDRESS_GROUPS if m.group(g))
        found.append(Span("address", m.start(group), m.end(group), 0.8))
    # numbers written against Chinese or Japanese words, where `\b` does not fall
    # (`预约时间2024/04/05\u3002`, `\uff081950/03/12生\uff09`)
    found += [
        Span("date", m.start(), m.end(), 0.85, weak=True)
        for m in _CJK_DATE.finditer(text)
        if _beside_cjk(text, m.start(), m.end())
    ]
    found += [Span("date", m.start(), m.end(), 0.85, weak=True) for m in _MONTH_DATE.finditer(text)]
    found += [Span("date", m.start(1), m.end(1), 0.9) for m in _BIRTH_DATE.finditer(text)]
    if "年" in text:
        found += [Span("date", m.start(), m.end(), 0.85, weak=True) for m in _ERA_DATE.finditer(text)]
    if "@" in text:
        found += [
            Span("email", m.start(), m.end(), 0.95)
            for m in _EMAIL.finditer(text)
            if _beside_cjk(text, m.start(), m.end())
        ]
    return found
