"""Curated general vocabulary for the citizen search.

Everything here is general knowledge about Indonesian public services and about how
citizens of East Java type: synonym groups (Indonesian and English), colloquial,
Javanese and Betawi words mapped to standard Indonesian, and stopwords. None of it
is tied to particular queries; editors can add synonym groups at run time, which the
engine merges with ``SYNONYM_GROUPS``.
"""


def _words(text: str) -> set[str]:
    return set(text.split())


# Spelling variants that mean exactly the same word. Applied to documents and queries
# alike, so that either spelling finds the other.
SPELLING_VARIANTS = {
    "akte": "akta",
    "ijin": "izin",
    "perijinan": "perizinan",
    "apotik": "apotek",
    "ektp": "ktp",
    "ktpel": "ktp",
    "nomer": "nomor",
    "propinsi": "provinsi",
    "sertipikat": "sertifikat",
    "sertifikasi": "sertifikasi",
    "ambulance": "ambulans",
    "ambulan": "ambulans",
    "resiko": "risiko",
    "kwitansi": "kuitansi",
    "jadual": "jadwal",
    "imunization": "immunization",
    "neighbor": "neighbour",
    "center": "centre",
    "license": "licence",
    "septictank": "septic tank",
    "kartukuning": "kartu kuning",
    "ak1": "ak i",
}

# Query-only rewrites: SMS abbreviations, colloquial Indonesian, Javanese and Betawi.
# A value may be several words; an empty string drops the word.
# fmt: off
SLANG = {
    # SMS-style abbreviations of common words
    "yg": "yang", "dg": "dengan", "dgn": "dengan", "utk": "untuk", "untk": "untuk", "krn": "karena", "sdh": "sudah",
    "udh": "sudah", "udah": "sudah", "dah": "sudah", "blm": "belum", "blum": "belum", "tdk": "tidak", "gk": "tidak",
    "ga": "tidak", "gak": "tidak", "nggak": "tidak", "ngga": "tidak", "enggak": "tidak", "engga": "tidak",
    "g": "tidak", "bs": "bisa", "bsa": "bisa", "gmn": "bagaimana", "gimana": "bagaimana", "gmna": "bagaimana",
    "dmn": "dimana", "dmna": "dimana", "kpn": "kapan", "brp": "berapa", "knp": "kenapa", "sy": "saya", "aq": "aku",
    "tp": "tapi", "jg": "juga", "lg": "lagi", "dr": "dari", "sm": "sama", "org": "orang", "tgl": "tanggal",
    "thn": "tahun", "bln": "bulan", "hr": "hari", "jln": "jalan", "jl": "jalan", "kab": "kabupaten",
    "kec": "kecamatan", "kel": "kelurahan", "ds": "desa", "nmr": "nomor", "tlp": "telepon", "telp": "telepon",
    "wa": "whatsapp", "srt": "surat", "ket": "keterangan",
    "bwt": "buat", "bt": "buat", "d": "di", "k": "ke", "trs": "terus", "skrg": "sekarang",
    "bgmn": "bagaimana", "mksd": "maksud", "y": "ya", "sktr": "sekitar", "ttd": "tanda tangan",
    "cr": "cara", "jd": "jadi", "hrs": "harus", "sblm": "sebelum", "stlh": "setelah", "msh": "masih", "sdg": "sedang",
    "bkn": "bukan", "dpt": "dapat", "kl": "kalau", "klo": "kalau", "ato": "atau", "atw": "atau", "sj": "saja",
    "aj": "saja", "dl": "dulu", "lgsg": "langsung", "pny": "punya", "tmn": "teman", "ortu": "orang tua",
    # colloquial Indonesian
    "bikin": "buat", "bikinin": "buatkan", "ngurus": "urus", "ngurusin": "urus", "nyari": "cari", "nanya": "tanya",
    "ngadu": "adu", "ngajuin": "ajukan", "betulin": "betulkan", "benerin": "betulkan", "daftarin": "daftarkan",
    "gede": "besar", "duit": "uang", "doang": "saja", "aja": "saja", "kayak": "seperti", "emang": "memang",
    "nikahan": "pernikahan", "kawinan": "perkawinan", "kalo": "kalau", "pengen": "ingin", "pingin": "ingin",
    "mo": "mau", "kadis": "kepala dinas", "kaban": "kepala badan", "kabid": "kepala bidang", "kasi": "kepala seksi",
    "kasubag": "kepala subbagian", "kalak": "kepala pelaksana", "sekdin": "sekretaris dinas",
    "sekcam": "sekretaris kecamatan", "mbah": "nenek", "loker": "lowongan kerja",
    # Javanese (Osing and East Javanese usage)
    "bocah": "anak", "cah": "anak", "durung": "belum", "wis": "sudah", "uwis": "sudah", "wes": "sudah", "iso": "bisa",
    "isa": "bisa", "ora": "tidak", "omah": "rumah", "dalan": "jalan", "banyu": "air", "layang": "surat",
    "jeneng": "nama", "duwit": "uang", "dodolan": "jualan", "dodol": "jual", "tuku": "beli", "mbayar": "bayar",
    "teken": "tanda tangan", "njaluk": "minta", "utangan": "pinjaman", "utang": "pinjaman", "nyilih": "pinjam",
    "sekolahan": "sekolah", "kanca": "teman", "konco": "teman", "dino": "hari", "saben": "setiap",
    "prapatan": "perempatan", "pajek": "pajak", "sopo": "siapa", "endi": "mana", "ngendi": "mana", "nang": "di",
    "neng": "di", "karo": "dan", "lan": "dan", "nggo": "untuk", "kanggo": "untuk", "kudu": "harus", "mlebu": "masuk",
    "metu": "keluar", "gawe": "buat", "nggawe": "buat", "loro": "sakit", "lara": "sakit", "seda": "meninggal",
    "lair": "lahir", "rabi": "nikah", "pitik": "ayam", "asu": "anjing", "wedi": "takut", "ilang": "hilang",
    "kobong": "terbakar", "geni": "api", "griya": "rumah", "tiyang": "orang", "wong": "orang", "piye": "bagaimana",
    "opo": "apa", "iki": "ini", "iku": "itu", "kuwi": "itu", "sampeyan": "anda", "suntikan": "suntik",
    "oleh": "dapat", "sing": "yang",
    # Betawi / Jakarta
    "gue": "saya", "gua": "saya", "gw": "saya", "lu": "kamu", "lo": "kamu", "elu": "kamu", "kagak": "tidak",
    "ape": "apa", "mane": "mana", "kenape": "kenapa", "gimane": "bagaimana", "aje": "saja", "ame": "sama",
    "emak": "ibu", "babe": "bapak", "bokap": "ayah", "nyokap": "ibu", "bini": "istri",
}
# fmt: on

# Function words of both languages, question words and politeness markers: they say
# nothing about which service is meant.
STOPWORDS_ID = _words(
    """
    yang dan di ke dari untuk buat dengan atau pada ini itu ada adalah akan sudah telah bisa dapat
    saya aku kami kita anda kamu dia ia mereka apa apakah bagaimana siapa dimana mana kapan berapa
    kenapa mengapa tidak tak bukan jika kalau karena juga saja lagi masih sangat tolong mohon mau
    ingin perlu harus boleh tanya bertanya pak bu ibu bapak mas mbak kak dong deh sih nih ya yah kok
    lah kah pun para sebuah oleh agar supaya tapi tetapi namun serta bagi tentang terhadap sama
    seperti sedang belum pernah sekarang terus lalu kemudian setelah sebelum saat ketika hal cara
    caranya gitu begitu nya nah kah toh ta tah lho urus mengurus sebagai tersebut dalam antara
    banget amat memang mana sini situ sana kah yaitu ialah lain setiap semua masing kali jadi
    """
)

STOPWORDS_EN = _words(
    """
    a an the and or of to in on at for from by with about into over after before is are was were be
    been being am do does did doing have has had having i me my mine we us our you your he him his
    she her it its they them their this that these those what which who whom whose where when why
    how can could should would will shall may might must not no yes please there here if so as than
    then too very just also any some get got want need know tell find help hi hello sir madam
    """
)

# Aspects every service has (what to bring, the steps): asking about them does not tell
# one service from another.
ASPECT_WORDS = _words(
    """
    syarat persyaratan bawa membawa dibawa prosedur alur langkah tahapan requirement requirements
    bring procedure steps
    """
)

STOPWORDS = STOPWORDS_ID | STOPWORDS_EN | ASPECT_WORDS

# Words that show the citizen wants the person in charge rather than a desk officer.
LEADERSHIP_WORDS = _words(
    """
    kepala pimpinan pemimpin ketua direktur camat kadis kaban kalak bupati sekda head chief director
    boss bos leader manager
    """
)

# Words that show the citizen wants the office itself (where it is, how to reach it).
OFFICE_WORDS = _words(
    """
    kantor alamat lokasi letak nomor telepon kontak whatsapp email office address location phone
    contact number
    """
)

# Word families the Snowball Indonesian stemmer splits or mangles (``penerimaan`` ->
# "erima", ``sekolah`` -> "seko", ``kependudukan`` -> "nduduk"): each root with its forms.
STEM_FAMILIES = {
    "terima": "terima menerima diterima penerima penerimaan",
    "tempat": "tempat penempatan menempatkan ditempatkan",
    "teliti": "teliti meneliti diteliti peneliti penelitian",
    "rencana": "rencana perencanaan merencanakan direncanakan",
    "rawat": "rawat merawat dirawat perawat perawatan",
    "rumah": "rumah perumahan",
    "manfaat": "manfaat pemanfaatan memanfaatkan dimanfaatkan",
    "sah": "sah pengesahan mengesahkan disahkan",
    "penduduk": "penduduk kependudukan kependudukannya",
    "perbaik": "perbaikan memperbaiki diperbaiki",
    "pensiun": "pensiun pensiunan",
    "pegawai": "pegawai kepegawaian",
    "kelola": "kelola mengelola dikelola pengelola pengelolaan",
    "sekolah": "sekolah sekolahan persekolahan",
    "masalah": "masalah permasalahan",
    "kembang": "kembang berkembang pengembang pengembangan mengembangkan dikembangkan",
    "tanggulang": "penanggulangan menanggulangi ditanggulangi",
    "suntik": "suntik suntikan disuntik menyuntik",
    "periksa": "periksa memeriksa diperiksa pemeriksaan memeriksakan",
    "tertib": "tertib ketertiban penertiban menertibkan ditertibkan",
    "bersalin": "bersalin persalinan",  # childbirth, not "salinan" (a copy)
}

# Civil-service grades inside job titles ("Pranata Komputer Ahli Pertama"): they say
# nothing about what the officer handles and would otherwise match "pertama" (first).
JOB_GRADE_PHRASES = [
    ("ahli", "pertama"),
    ("ahli", "muda"),
    ("ahli", "madya"),
    ("ahli", "utama"),
    ("pelaksana", "lanjutan"),
    ("penyelia",),
    ("terampil",),
    ("mahir",),
]

# Concept groups: any phrase of a group finds documents that use another phrase of the
# same group. Indonesian and English side by side so either language finds the other.
SYNONYM_GROUPS = [
    # population administration
    ["ktp", "kartu tanda penduduk", "ktp elektronik", "identity card", "id card", "national id"],
    ["kk", "kartu keluarga", "family card", "family register"],
    ["akta kelahiran", "akta lahir", "birth certificate"],
    ["akta kematian", "surat kematian", "death certificate"],
    ["akta perkawinan", "akta nikah", "buku nikah", "marriage certificate"],
    ["akta perceraian", "akta cerai", "divorce certificate"],
    ["kia", "kartu identitas anak", "child id card", "child identity card"],
    ["ikd", "identitas kependudukan digital", "ktp digital", "digital id"],
    ["pertama kali", "pemula", "first time", "first-time"],
    ["pindah", "pindahan", "perpindahan", "move", "moving", "relocate"],
    ["domisili", "tempat tinggal", "residence", "domicile"],
    ["meninggal", "wafat", "kematian", "almarhum", "death", "died", "passed away", "deceased"],
    ["lahir", "kelahiran", "melahirkan", "birth", "born", "give birth"],
    ["nikah", "pernikahan", "perkawinan", "kawin", "wedding", "marriage", "married"],
    ["ahli waris", "waris", "warisan", "inheritance", "heir", "inherits"],
    ["ayah", "bapak", "father", "dad"],
    ["ibu", "mother", "mom"],
    ["anak", "child", "kid", "son", "daughter"],
    ["pasangan", "suami", "istri", "spouse", "husband", "wife"],
    ["nenek", "kakek", "grandmother", "grandfather", "grandparent"],
    # letters and paperwork
    ["surat keterangan", "certificate", "statement letter"],
    ["sktm", "surat keterangan tidak mampu", "certificate of poverty", "poverty letter"],
    ["skck", "surat keterangan catatan kepolisian", "police clearance", "police certificate"],
    ["legalisir", "legalisasi", "pengesahan", "cap", "stempel", "certify", "certified copy", "endorse"],
    ["tanda tangan", "signature", "sign off", "signs off"],
    ["rekomendasi", "surat rekomendasi", "recommendation", "endorsement"],
    ["biaya", "tarif", "harga", "cost", "fee", "fees", "price"],
    ["salah", "keliru", "salah ketik", "salah tulis", "typo", "wrong", "mistake", "error"],
    ["pembetulan", "betulkan", "perbaikan data", "koreksi", "ralat", "correction", "correct"],
    ["hilang", "lost", "missing"],
    ["rusak", "broken", "damaged"],
    ["izin", "perizinan", "restu", "permit", "licence", "permission"],
    # buildings, land, housing
    ["pbg", "imb", "izin mendirikan bangunan", "persetujuan bangunan gedung", "building permit", "building approval"],
    ["slf", "sertifikat laik fungsi", "certificate of occupancy", "occupancy certificate"],
    ["krk", "keterangan rencana kota", "city planning information", "zoning information"],
    ["pkkpr", "kesesuaian kegiatan pemanfaatan ruang", "tata ruang", "spatial planning", "land use"],
    ["tanah", "lahan", "kavling", "kapling", "land", "plot"],
    ["rumah", "hunian", "house", "home", "dwelling"],
    ["perumahan", "klaster", "cluster", "komplek", "housing estate", "housing"],
    ["pengembang", "developer"],
    ["psu", "prasarana sarana utilitas", "fasilitas umum", "fasum", "fasos", "public facilities"],
    ["rtlh", "rumah tidak layak huni", "bedah rumah", "substandard housing", "house renovation"],
    ["jembatan", "titian", "bridge", "footbridge"],
    ["gedung", "bangunan", "building"],
    # roads, transport, utilities
    ["jalan rusak", "jalan berlubang", "berlubang", "pothole", "damaged road"],
    ["jalan", "road", "street"],
    ["pju", "lampu jalan", "penerangan jalan umum", "street light", "streetlight"],
    ["kir", "uji kir", "uji berkala", "kelaikan", "laik jalan", "roadworthiness", "vehicle inspection"],
    ["angkutan barang", "mobil barang", "pikap", "pick up", "colt", "truk", "truck", "bak terbuka"],
    ["angkutan umum", "angkot", "bus", "public transport"],
    ["parkir", "parking"],
    ["air bersih", "air minum", "clean water", "drinking water", "pdam"],
    ["got", "selokan", "parit", "saluran air", "drainase", "gorong gorong", "ditch", "drain", "gutter"],
    ["mampet", "tersumbat", "buntu", "clogged", "blocked"],
    ["sungai", "river", "sempadan", "riverbank"],
    ["irigasi", "irrigation"],
    ["sanitasi", "jamban", "wc", "toilet", "mck", "septic tank", "tangki septik", "sanitation", "latrine"],
    ["sampah", "waste", "garbage", "rubbish", "trash"],
    ["limbah", "pencemaran", "polusi", "pollution", "effluent"],
    ["asap", "smoke", "fumes"],
    ["amdal", "ukl upl", "izin lingkungan", "environmental permit", "environmental assessment"],
    ["kebisingan", "bising", "berisik", "ganggu", "mengganggu", "noise", "noisy", "disturbance"],
    # emergencies and disasters
    ["damkar", "pemadam kebakaran", "firefighter", "fire brigade", "fire department"],
    ["kebakaran", "terbakar", "api", "fire", "burning"],
    ["banjir", "genangan", "flood", "flooding"],
    ["longsor", "tanah longsor", "landslide"],
    ["bencana", "disaster", "emergency"],
    ["kekeringan", "kemarau", "drought"],
    ["evakuasi", "rescue", "tangkap", "catch"],
    ["hewan", "binatang", "satwa", "animal"],
    ["ular", "snake"],
    ["biawak", "monitor lizard"],
    ["tawon", "lebah", "wasp", "hornet", "bee"],
    # health
    ["ambulans", "ambulance", "gawat darurat"],
    ["igd", "ugd", "unit gawat darurat", "emergency room", "emergency department", "accident"],
    ["rumah sakit", "rs", "rsud", "hospital"],
    ["puskesmas", "health centre", "community health centre"],
    ["imunisasi", "vaksinasi", "vaksin", "suntik", "immunization", "vaccination", "vaccine", "jab", "shot"],
    ["rabies", "anjing gila", "gigitan anjing", "dog bite"],
    ["dokter", "doctor"],
    ["bidan", "midwife"],
    ["perawat", "nurse"],
    ["apotek", "toko obat", "pharmacy", "drugstore", "chemist"],
    ["obat", "medicine", "medication"],
    ["bpjs", "jkn", "kis", "kartu indonesia sehat", "health insurance", "asuransi kesehatan"],
    ["rekam medis", "resume medis", "medical record", "medical summary"],
    ["pasien", "patient"],
    ["sakit", "sick", "ill"],
    ["hewan ternak", "ternak", "sapi", "kambing", "livestock", "cattle", "cow", "goat"],
    ["dokter hewan", "puskeswan", "veterinarian", "vet"],
    # education
    ["sekolah", "school"],
    ["siswa", "murid", "pelajar", "peserta didik", "student", "pupil"],
    ["guru", "teacher"],
    ["ijazah", "diploma", "school certificate"],
    ["beasiswa", "scholarship"],
    ["spmb", "ppdb", "penerimaan murid baru", "school admission", "school enrolment"],
    ["kesetaraan", "paket a", "paket b", "paket c", "equivalency"],
    ["perundungan", "bully", "bullying", "dirundung", "dibully"],
    # taxes and money
    ["pajak", "tax", "taxes"],
    ["pbb", "pajak bumi dan bangunan", "property tax", "land and building tax"],
    ["bphtb", "bea perolehan hak atas tanah dan bangunan", "property transfer tax", "land transfer tax"],
    ["reklame", "iklan", "papan nama", "plang", "baliho", "spanduk", "billboard", "banner", "signboard"],
    ["retribusi", "levy"],
    ["denda", "fine", "penalty"],
    ["tunggakan", "arrears", "overdue"],
    ["uang", "dana", "money", "funds"],
    ["tabungan", "simpanan", "savings", "deposit"],
    ["pinjaman", "kredit", "hutang", "loan", "credit"],
    ["pungli", "pungutan liar", "illegal fees", "illegal levy", "suap", "bribe", "extortion"],
    ["anggaran", "apbd", "budget"],
    # social welfare
    ["miskin", "tidak mampu", "poor", "poverty", "low income"],
    ["bansos", "bantuan sosial", "pkh", "bpnt", "sembako", "social assistance", "welfare aid"],
    ["disabilitas", "difabel", "disability", "disabled"],
    ["lansia", "lanjut usia", "manula", "jompo", "elderly", "senior citizen"],
    ["anak jalanan", "pengamen", "pengemis", "gelandangan", "beggar", "homeless", "street children"],
    ["kekerasan", "pelecehan", "pencabulan", "dicabuli", "abuse", "violence", "harassment"],
    # work, business, economy
    ["umkm", "ukm", "usaha kecil", "usaha mikro", "small business", "micro business"],
    ["nib", "nomor induk berusaha", "izin usaha", "business id", "business licence"],
    ["usaha", "bisnis", "dagang", "jualan", "toko", "warung", "business", "shop", "store"],
    ["koperasi", "cooperative", "simpan pinjam", "credit union"],
    ["pasar", "market"],
    ["kios", "lapak", "stall", "kiosk"],
    ["sertifikat halal", "halal", "halal certificate"],
    ["merek", "brand", "trademark", "haki", "hki"],
    ["pelatihan", "kursus", "training", "course", "workshop"],
    ["lowongan kerja", "lowongan", "job vacancy", "job", "melamar", "lamar", "apply for a job"],
    ["kartu kuning", "ak i", "kartu pencari kerja", "kartu tanda pencari kerja", "job seeker card", "yellow card"],
    ["pmi", "tki", "tkw", "pekerja migran", "buruh migran", "migrant worker"],
    ["pabrik", "industri", "factory", "industry"],
    ["petani", "pertanian", "farmer", "farming", "agriculture"],
    ["pupuk", "fertiliser", "fertilizer"],
    ["nelayan", "perikanan", "ikan", "fisherman", "fisheries", "fish"],
    ["wisata", "pariwisata", "tourism", "tourist"],
    # civil service
    [
        "asn",
        "pns",
        "pegawai negeri",
        "aparatur sipil negara",
        "abdi negara",
        "pegawai pemerintah",
        "civil servant",
        "government employee",
    ],
    ["pensiun", "purnatugas", "retirement", "pension", "retire"],
    ["cuti", "leave"],
    ["kenaikan pangkat", "naik pangkat", "promotion"],
    ["mutasi", "pindah tugas", "penempatan", "transfer", "reassignment"],
    ["tes", "ujian", "seleksi", "test", "exam", "selection"],
    [
        "casn",
        "cpns",
        "jadi pns",
        "daftar cpns",
        "tes cpns",
        "seleksi pegawai",
        "civil service recruitment",
        "civil service exam",
    ],
    # governance, information, complaints
    ["pengaduan", "aduan", "keluhan", "komplain", "lapor", "laporan", "complaint", "complain", "report"],
    ["informasi publik", "ppid", "public information", "freedom of information"],
    ["keberatan", "banding", "objection", "appeal"],
    ["salinan", "copy", "copies"],
    ["penelitian", "riset", "survei", "jajak pendapat", "polling", "research", "survey", "thesis", "skripsi"],
    ["musrenbang", "rembuk", "musyawarah perencanaan pembangunan", "usulan pembangunan", "development planning"],
    ["dana desa", "village fund"],
    ["bumdes", "badan usaha milik desa", "village enterprise"],
    ["dprd", "dewan", "anggota dewan", "council", "legislature"],
    ["sidang", "rapat", "session", "meeting"],
    ["paripurna", "plenary"],
    ["demo", "demonstrasi", "unjuk rasa", "aspirasi", "protest", "rally"],
    ["keramaian", "hajatan", "acara", "pesta", "event", "party", "festival", "concert"],
    ["lomba", "pertandingan", "turnamen", "competition", "tournament"],
    ["satpol pp", "trantib", "ketertiban", "penertiban", "public order"],
    ["keamanan", "pengamanan", "security", "guard"],
    ["pemuda", "anak muda", "remaja", "karang taruna", "youth"],
    ["olahraga", "sport", "sports"],
    ["perpustakaan", "perpus", "library"],
    ["arsip", "archive", "archives"],
    ["jadwal", "schedule", "timetable"],
    # contact and location words
    ["alamat", "lokasi", "letak", "address", "location"],
    ["kantor", "office"],
    ["telepon", "nomor telepon", "whatsapp", "phone", "phone number"],
    ["kepala", "pimpinan", "pemimpin", "direktur", "head", "chief", "director", "leader"],
    ["kecamatan", "camat", "district", "district head"],
    ["desa", "kelurahan", "dusun", "kampung", "village"],
]
