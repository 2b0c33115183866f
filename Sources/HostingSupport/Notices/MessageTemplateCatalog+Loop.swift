import Foundation

// The standard customer texts of surveys, suggestions, incidents and maintenance overruns.
extension MessageTemplateCatalog {
  static let loopTexts: [NotificationTemplateName: [MessageLocale: MessageTemplate]] = [
    .satisfactionSurvey: [
      .english: MessageTemplate(
        subject: "How did we do? Ticket {ticketID}: {ticketSubject}",
        body: """
          Hello {customerName},

          Your ticket "{ticketSubject}" ({ticketID}) was resolved. How satisfied are you with our support? \
          Choose a rating from 1 (very unhappy) to 5 (very happy); a comment is welcome but not needed:
          {surveyLink}

          The link works once, until {expires}.

          The {hostName} support team
          """
      ),
      .malay: MessageTemplate(
        subject: "Bagaimana layanan kami? Tiket {ticketID}: {ticketSubject}",
        body: """
          Hai {customerName},

          Tiket anda "{ticketSubject}" ({ticketID}) telah diselesaikan. Sejauh manakah anda berpuas hati dengan \
          sokongan kami? Pilih penilaian dari 1 (sangat tidak puas hati) hingga 5 (sangat puas hati); komen \
          dialu-alukan tetapi tidak wajib:
          {surveyLink}

          Pautan ini boleh digunakan sekali sahaja, sehingga {expires}.

          Pasukan sokongan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ພວກເຮົາບໍລິການເປັນແນວໃດ? ຄຳຮ້ອງ {ticketID}: {ticketSubject}",
        body: """
          ສະບາຍດີ {customerName},

          ຄຳຮ້ອງ "{ticketSubject}" ({ticketID}) ຂອງທ່ານໄດ້ຮັບການແກ້ໄຂແລ້ວ. ທ່ານພໍໃຈກັບການຊ່ວຍເຫຼືອຂອງພວກເຮົາຫຼາຍປານໃດ? \
          ກະລຸນາໃຫ້ຄະແນນແຕ່ 1 (ບໍ່ພໍໃຈຫຼາຍ) ຫາ 5 (ພໍໃຈຫຼາຍ); ຈະຂຽນຄຳເຫັນນຳກໍໄດ້ ແຕ່ບໍ່ບັງຄັບ:
          {surveyLink}

          ລິ້ງນີ້ໃຊ້ໄດ້ຄັ້ງດຽວ, ຈົນຮອດ {expires}.

          ທີມງານຊ່ວຍເຫຼືອ {hostName}
          """
      ),
    ],
    .npsSurvey: [
      .english: MessageTemplate(
        subject: "How likely are you to recommend {hostName}?",
        body: """
          Hello {customerName},

          On a scale from 0 (not at all likely) to 10 (extremely likely), how likely are you to recommend \
          {hostName} to a friend or colleague? One click is enough; tell us why if you like:
          {surveyLink}

          The link works once, until {expires}.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Sejauh manakah anda akan mengesyorkan {hostName}?",
        body: """
          Hai {customerName},

          Pada skala 0 (langsung tidak) hingga 10 (pasti), sejauh manakah anda akan mengesyorkan {hostName} \
          kepada rakan atau rakan sekerja? Satu klik sudah memadai; beritahu kami sebabnya jika anda mahu:
          {surveyLink}

          Pautan ini boleh digunakan sekali sahaja, sehingga {expires}.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ທ່ານຈະແນະນຳ {hostName} ໃຫ້ຄົນອື່ນບໍ່?",
        body: """
          ສະບາຍດີ {customerName},

          ຈາກ 0 (ບໍ່ແນະນຳເລີຍ) ຫາ 10 (ແນະນຳແນ່ນອນ), ທ່ານມີແນວໂນ້ມຈະແນະນຳ {hostName} ໃຫ້ໝູ່ ຫຼື ເພື່ອນຮ່ວມງານຫຼາຍປານໃດ? \
          ກົດຄັ້ງດຽວກໍພໍ; ຖ້າຢາກບອກເຫດຜົນກໍຂຽນໄດ້:
          {surveyLink}

          ລິ້ງນີ້ໃຊ້ໄດ້ຄັ້ງດຽວ, ຈົນຮອດ {expires}.

          ທີມງານ {hostName}
          """
      ),
    ],
    .suggestionDone: [
      .english: MessageTemplate(
        subject: "Your suggestion is done",
        body: """
          Hello {customerName},

          You suggested: "{suggestion}". Thank you, we have done it.
          {note}

          Keep the ideas coming: just reply to this message.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Cadangan anda telah dilaksanakan",
        body: """
          Hai {customerName},

          Anda pernah mencadangkan: "{suggestion}". Terima kasih, kami telah melaksanakannya.
          {note}

          Teruskan berkongsi idea: balas sahaja mesej ini.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ຄຳສະເໜີຂອງທ່ານໄດ້ຖືກປະຕິບັດແລ້ວ",
        body: """
          ສະບາຍດີ {customerName},

          ທ່ານໄດ້ສະເໜີວ່າ: "{suggestion}". ຂອບໃຈຫຼາຍ, ພວກເຮົາໄດ້ປະຕິບັດຕາມແລ້ວ.
          {note}

          ຖ້າມີແນວຄິດອື່ນອີກ ກະລຸນາຕອບກັບຂໍ້ຄວາມນີ້ໄດ້ເລີຍ.

          ທີມງານ {hostName}
          """
      ),
    ],
    .incidentStart: [
      .english: MessageTemplate(
        subject: "Service problem: {services}",
        body: """
          Hello {customerName},

          Since {started} we have a problem that affects {services}: {summary}
          Our engineers are working on it. You do not need to open a ticket; we will keep you updated here until \
          it is fixed.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Masalah perkhidmatan: {services}",
        body: """
          Hai {customerName},

          Sejak {started} terdapat masalah yang menjejaskan {services}: {summary}
          Jurutera kami sedang menanganinya. Anda tidak perlu membuka tiket; kami akan terus memaklumkan \
          perkembangan di sini sehingga ia dibaiki.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ບັນຫາການບໍລິການ: {services}",
        body: """
          ສະບາຍດີ {customerName},

          ຕັ້ງແຕ່ {started} ມີບັນຫາທີ່ກະທົບຕໍ່ {services}: {summary}
          ວິສະວະກອນຂອງພວກເຮົາກຳລັງແກ້ໄຂຢູ່. ທ່ານບໍ່ຈຳເປັນຕ້ອງສົ່ງຄຳຮ້ອງ; ພວກເຮົາຈະແຈ້ງຄວາມຄືບໜ້າຢູ່ບ່ອນນີ້ຈົນກວ່າຈະແກ້ໄຂແລ້ວ.

          ທີມງານ {hostName}
          """
      ),
    ],
    .incidentUpdate: [
      .english: MessageTemplate(
        subject: "Update on the problem with {services}",
        body: """
          Hello {customerName},

          We are still working on the problem that affects {services} since {started}.
          Latest news: {update}
          We will write again as soon as we know more.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Kemas kini masalah {services}",
        body: """
          Hai {customerName},

          Kami masih menangani masalah yang menjejaskan {services} sejak {started}.
          Berita terkini: {update}
          Kami akan menghubungi anda lagi sebaik sahaja ada maklumat lanjut.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ຂໍ້ມູນຫຼ້າສຸດກ່ຽວກັບບັນຫາ {services}",
        body: """
          ສະບາຍດີ {customerName},

          ພວກເຮົາຍັງກຳລັງແກ້ໄຂບັນຫາທີ່ກະທົບຕໍ່ {services} ຕັ້ງແຕ່ {started}.
          ຂ່າວຫຼ້າສຸດ: {update}
          ພວກເຮົາຈະແຈ້ງໃຫ້ທ່ານຮູ້ອີກທັນທີເມື່ອມີຂໍ້ມູນເພີ່ມເຕີມ.

          ທີມງານ {hostName}
          """
      ),
    ],
    .incidentResolved: [
      .english: MessageTemplate(
        subject: "Resolved: the problem with {services}",
        body: """
          Hello {customerName},

          The problem that affected {services} from {started} to {resolved} is resolved: {summary}
          We are sorry for the disruption. If anything still does not work, reply to this message or open a ticket.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Selesai: masalah {services}",
        body: """
          Hai {customerName},

          Masalah yang menjejaskan {services} dari {started} hingga {resolved} telah diselesaikan: {summary}
          Kami memohon maaf atas gangguan ini. Jika masih ada yang tidak berfungsi, balas mesej ini atau buka tiket.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ແກ້ໄຂແລ້ວ: ບັນຫາ {services}",
        body: """
          ສະບາຍດີ {customerName},

          ບັນຫາທີ່ກະທົບຕໍ່ {services} ແຕ່ {started} ຫາ {resolved} ໄດ້ຮັບການແກ້ໄຂແລ້ວ: {summary}
          ພວກເຮົາຂໍອະໄພສຳລັບຄວາມບໍ່ສະດວກ. ຖ້າຍັງມີສິ່ງໃດບໍ່ເຮັດວຽກ ກະລຸນາຕອບກັບຂໍ້ຄວາມນີ້ ຫຼື ສົ່ງຄຳຮ້ອງໃໝ່.

          ທີມງານ {hostName}
          """
      ),
    ],
    .maintenanceOverrun: [
      .english: MessageTemplate(
        subject: "Maintenance is taking longer: {services}, new estimate {estimate}",
        body: """
          Hello {customerName},

          The maintenance on {services} planned to end at {plannedEnd} is taking longer than expected. We now \
          expect to finish by {estimate}, and we will tell you as soon as it is complete.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Penyelenggaraan mengambil masa lebih lama: {services}, anggaran baharu {estimate}",
        body: """
          Hai {customerName},

          Kerja penyelenggaraan pada {services} yang dijadualkan tamat pada {plannedEnd} mengambil masa lebih lama \
          daripada jangkaan. Kami kini menjangka ia selesai menjelang {estimate}, dan kami akan memaklumkan anda \
          sebaik sahaja ia selesai.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ການບຳລຸງຮັກສາໃຊ້ເວລາດົນກວ່າກຳນົດ: {services}, ຄາດວ່າຈະແລ້ວ {estimate}",
        body: """
          ສະບາຍດີ {customerName},

          ການບຳລຸງຮັກສາ {services} ທີ່ກຳນົດໄວ້ໃຫ້ແລ້ວເວລາ {plannedEnd} ໃຊ້ເວລາດົນກວ່າທີ່ຄາດໄວ້. \
          ຕອນນີ້ພວກເຮົາຄາດວ່າຈະແລ້ວພາຍໃນ {estimate} ແລະ ຈະແຈ້ງໃຫ້ທ່ານຮູ້ທັນທີເມື່ອສຳເລັດ.

          ທີມງານ {hostName}
          """
      ),
    ],
  ]
}
