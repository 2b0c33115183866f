import Foundation

// The standard customer texts. Placeholders are listed on each NotificationTemplateName.
extension MessageTemplateCatalog {
  static let standardTexts: [NotificationTemplateName: [MessageLocale: MessageTemplate]] = [
    .progressUpdate: [
      .english: MessageTemplate(
        subject: "Update on your ticket {ticketID}: {ticketSubject}",
        body: """
          Hello {customerName},

          We are still working on your ticket "{ticketSubject}" ({ticketID}). You have not been forgotten: \
          an engineer is on it and we will write again as soon as we know more.

          The {hostName} support team
          """
      ),
      .malay: MessageTemplate(
        subject: "Kemas kini tiket {ticketID}: {ticketSubject}",
        body: """
          Hai {customerName},

          Kami masih menguruskan tiket anda "{ticketSubject}" ({ticketID}). Seorang jurutera sedang \
          menanganinya dan kami akan menghubungi anda sebaik sahaja ada maklumat lanjut.

          Pasukan sokongan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ຂໍ້ມູນຫຼ້າສຸດກ່ຽວກັບຄຳຮ້ອງ {ticketID}: {ticketSubject}",
        body: """
          ສະບາຍດີ {customerName},

          ພວກເຮົາຍັງກຳລັງແກ້ໄຂຄຳຮ້ອງ "{ticketSubject}" ({ticketID}) ຂອງທ່ານຢູ່. ວິສະວະກອນຂອງພວກເຮົາກຳລັງກວດສອບ \
          ແລະ ພວກເຮົາຈະແຈ້ງໃຫ້ທ່ານຮູ້ທັນທີເມື່ອມີຂໍ້ມູນເພີ່ມເຕີມ.

          ທີມງານຊ່ວຍເຫຼືອ {hostName}
          """
      ),
    ],
    .maintenanceAdvance: [
      .english: MessageTemplate(
        subject: "Scheduled maintenance on {start}: {services}",
        body: """
          Hello {customerName},

          We will carry out maintenance on {services} from {start} to {end}.
          {description}

          Your services may be briefly unavailable during this window. You do not need to do anything.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Penyelenggaraan berjadual pada {start}: {services}",
        body: """
          Hai {customerName},

          Kami akan menjalankan kerja penyelenggaraan pada {services} dari {start} hingga {end}.
          {description}

          Perkhidmatan anda mungkin tidak dapat dicapai buat seketika sepanjang tempoh ini. Anda tidak perlu \
          melakukan apa-apa.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ການບຳລຸງຮັກສາລະບົບຕາມກຳນົດ {start}: {services}",
        body: """
          ສະບາຍດີ {customerName},

          ພວກເຮົາຈະດຳເນີນການບຳລຸງຮັກສາ {services} ແຕ່ {start} ຫາ {end}.
          {description}

          ໃນໄລຍະນີ້ ບໍລິການຂອງທ່ານອາດຈະບໍ່ສາມາດໃຊ້ງານໄດ້ຊົ່ວຄາວ. ທ່ານບໍ່ຈຳເປັນຕ້ອງດຳເນີນການໃດໆ.

          ທີມງານ {hostName}
          """
      ),
    ],
    .maintenanceStart: [
      .english: MessageTemplate(
        subject: "Maintenance has started: {services}",
        body: """
          Hello {customerName},

          The maintenance on {services} announced for {start} to {end} has started. We will let you know \
          when it is complete.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Penyelenggaraan telah bermula: {services}",
        body: """
          Hai {customerName},

          Kerja penyelenggaraan pada {services} yang dijadualkan dari {start} hingga {end} telah bermula. \
          Kami akan memaklumkan anda apabila ia selesai.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ການບຳລຸງຮັກສາໄດ້ເລີ່ມແລ້ວ: {services}",
        body: """
          ສະບາຍດີ {customerName},

          ການບຳລຸງຮັກສາ {services} ທີ່ໄດ້ແຈ້ງໄວ້ແຕ່ {start} ຫາ {end} ໄດ້ເລີ່ມຕົ້ນແລ້ວ. \
          ພວກເຮົາຈະແຈ້ງໃຫ້ທ່ານຮູ້ເມື່ອສຳເລັດ.

          ທີມງານ {hostName}
          """
      ),
    ],
    .maintenanceCompletion: [
      .english: MessageTemplate(
        subject: "Maintenance complete: {services}",
        body: """
          Hello {customerName},

          The maintenance on {services} is complete and your services are running normally. If anything \
          does not work as expected, reply to this message or open a ticket.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Penyelenggaraan selesai: {services}",
        body: """
          Hai {customerName},

          Kerja penyelenggaraan pada {services} telah selesai dan perkhidmatan anda berjalan seperti biasa. \
          Jika ada apa-apa yang tidak berfungsi, balas mesej ini atau buka tiket.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ການບຳລຸງຮັກສາສຳເລັດແລ້ວ: {services}",
        body: """
          ສະບາຍດີ {customerName},

          ການບຳລຸງຮັກສາ {services} ໄດ້ສຳເລັດແລ້ວ ແລະ ບໍລິການຂອງທ່ານເຮັດວຽກເປັນປົກກະຕິ. \
          ຖ້າມີສິ່ງໃດບໍ່ເຮັດວຽກຕາມປົກກະຕິ ກະລຸນາຕອບກັບຂໍ້ຄວາມນີ້ ຫຼື ສົ່ງຄຳຮ້ອງໃໝ່.

          ທີມງານ {hostName}
          """
      ),
    ],
    .maintenanceCancelled: [
      .english: MessageTemplate(
        subject: "Maintenance cancelled: {services}",
        body: """
          Hello {customerName},

          The maintenance on {services} we announced for {start} to {end} has been cancelled. Your services \
          will not be interrupted at that time.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Penyelenggaraan dibatalkan: {services}",
        body: """
          Hai {customerName},

          Kerja penyelenggaraan pada {services} yang kami umumkan dari {start} hingga {end} telah dibatalkan. \
          Perkhidmatan anda tidak akan terganggu pada waktu itu.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ຍົກເລີກການບຳລຸງຮັກສາ: {services}",
        body: """
          ສະບາຍດີ {customerName},

          ການບຳລຸງຮັກສາ {services} ທີ່ພວກເຮົາໄດ້ແຈ້ງໄວ້ແຕ່ {start} ຫາ {end} ໄດ້ຖືກຍົກເລີກແລ້ວ. \
          ບໍລິການຂອງທ່ານຈະບໍ່ຖືກລົບກວນໃນຊ່ວງເວລານັ້ນ.

          ທີມງານ {hostName}
          """
      ),
    ],
    .maintenanceRescheduled: [
      .english: MessageTemplate(
        subject: "Maintenance moved to {start}: {services}",
        body: """
          Hello {customerName},

          The maintenance on {services} announced for {previousStart} to {previousEnd} has moved. It will now \
          take place from {start} to {end}.
          {description}

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Penyelenggaraan dipindahkan ke {start}: {services}",
        body: """
          Hai {customerName},

          Kerja penyelenggaraan pada {services} yang diumumkan dari {previousStart} hingga {previousEnd} \
          telah dipindahkan. Ia kini akan dijalankan dari {start} hingga {end}.
          {description}

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ເລື່ອນການບຳລຸງຮັກສາໄປເປັນ {start}: {services}",
        body: """
          ສະບາຍດີ {customerName},

          ການບຳລຸງຮັກສາ {services} ທີ່ໄດ້ແຈ້ງໄວ້ແຕ່ {previousStart} ຫາ {previousEnd} ໄດ້ຖືກເລື່ອນ. \
          ຕອນນີ້ຈະດຳເນີນການແຕ່ {start} ຫາ {end}.
          {description}

          ທີມງານ {hostName}
          """
      ),
    ],
    .feedbackFollowUp: [
      .english: MessageTemplate(
        subject: "We are sorry: follow-up {ticketID}",
        body: """
          Hello {customerName},

          Thank you for telling us what went wrong. We are sorry about your experience with {aspect}. \
          A member of our team will contact you personally; you can follow this up in ticket {ticketID}.

          The {hostName} team
          """
      ),
      .malay: MessageTemplate(
        subject: "Kami memohon maaf: susulan {ticketID}",
        body: """
          Hai {customerName},

          Terima kasih kerana memberitahu kami apa yang tidak kena. Kami memohon maaf atas pengalaman anda \
          berkaitan {aspect}. Seorang ahli pasukan kami akan menghubungi anda sendiri; anda boleh mengikuti \
          perkara ini dalam tiket {ticketID}.

          Pasukan {hostName}
          """
      ),
      .lao: MessageTemplate(
        subject: "ພວກເຮົາຂໍອະໄພ: ການຕິດຕາມ {ticketID}",
        body: """
          ສະບາຍດີ {customerName},

          ຂອບໃຈທີ່ໄດ້ແຈ້ງໃຫ້ພວກເຮົາຮູ້ເຖິງບັນຫາ. ພວກເຮົາຂໍອະໄພສຳລັບປະສົບການຂອງທ່ານກ່ຽວກັບ {aspect}. \
          ພະນັກງານຂອງພວກເຮົາຈະຕິດຕໍ່ຫາທ່ານໂດຍກົງ; ທ່ານສາມາດຕິດຕາມເລື່ອງນີ້ໄດ້ໃນຄຳຮ້ອງ {ticketID}.

          ທີມງານ {hostName}
          """
      ),
    ],
  ]
}
