// The demo organisation (docs/api.md): two provincial federations, a few grassroots unions each, and five
// users. Names are realistic so a demo reads like the field; nothing here is a real person.
import type { Role } from '#domain/schemas/auth';

export const DEMO_PASSWORD = 'demo1234';

export interface DemoUnit {
  key: string;
  name: string;
  shortName: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** `root`, or the key of a grassroots unit. */
  unit: string;
}

export interface DemoSpace {
  name: string;
  provinceCode: string;
  root: Omit<DemoUnit, 'key'>;
  grassroots: DemoUnit[];
  users: DemoUser[];
  plan: { targetSessions: number; targetParticipantTurns: number };
}

export const demoSpaces: DemoSpace[] = [
  {
    name: 'Nghệ An',
    provinceCode: '40',
    root: { name: 'Liên đoàn Lao động tỉnh Nghệ An', shortName: 'LĐLĐ Nghệ An' },
    grassroots: [
      { key: 'thpt-con-cuong', name: 'Công đoàn Trường THPT Con Cuông', shortName: 'CĐCS THPT Con Cuông' },
      {
        key: 'bv-tuong-duong',
        name: 'Công đoàn Bệnh viện Đa khoa huyện Tương Dương',
        shortName: 'CĐCS BVĐK Tương Dương',
      },
      {
        key: 'mia-duong-song-con',
        name: 'Công đoàn Công ty CP Mía đường Sông Con',
        shortName: 'CĐCS Mía đường Sông Con',
      },
      { key: 'ptdtnt-ky-son', name: 'Công đoàn Trường PTDTNT THCS Kỳ Sơn', shortName: 'CĐCS PTDTNT Kỳ Sơn' },
    ],
    users: [
      { username: 'admin', displayName: 'Trần Quốc Bảo', role: 'admin', unit: 'root' },
      { username: 'organiser.na', displayName: 'Nguyễn Thị Thanh Hương', role: 'organiser', unit: 'root' },
      { username: 'trainer.na', displayName: 'Lương Thị Hoa', role: 'trainer', unit: 'thpt-con-cuong' },
    ],
    plan: { targetSessions: 120, targetParticipantTurns: 3000 },
  },
  {
    name: 'Lào Cai',
    provinceCode: '15',
    root: { name: 'Liên đoàn Lao động tỉnh Lào Cai', shortName: 'LĐLĐ Lào Cai' },
    grassroots: [
      { key: 'apatit', name: 'Công đoàn Công ty CP Apatit Việt Nam', shortName: 'CĐCS Apatit Việt Nam' },
      { key: 'thpt-bat-xat', name: 'Công đoàn Trường THPT số 1 Bát Xát', shortName: 'CĐCS THPT số 1 Bát Xát' },
      { key: 'bv-sa-pa', name: 'Công đoàn Trung tâm Y tế thị xã Sa Pa', shortName: 'CĐCS TTYT Sa Pa' },
    ],
    users: [
      { username: 'organiser.lc', displayName: 'Hoàng Thị Mai', role: 'organiser', unit: 'root' },
      { username: 'trainer.lc', displayName: 'Giàng Thị Mỷ', role: 'trainer', unit: 'apatit' },
    ],
    plan: { targetSessions: 150, targetParticipantTurns: 4000 },
  },
];
