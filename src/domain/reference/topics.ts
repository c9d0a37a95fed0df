// The topic starter set every space is seeded with (domain README); organisers extend it.
// Keys are stable identifiers shared by the seed, reports and tests. `fields` tags each topic
// with the gender-equality fields (Gender Equality Law 2006, articles 11–18) it addresses;
// cross-cutting topics (the law itself, mainstreaming) carry all eight, general concepts none.
import { genderEqualityFields, type GenderEqualityField } from '../schemas/reference';

export interface StarterTopic {
  key: string;
  nameVi: string;
  nameEn: string;
  fields: GenderEqualityField[];
}

const allFields = (): GenderEqualityField[] => [...genderEqualityFields];

export const starterTopics: ReadonlyArray<StarterTopic> = [
  {
    key: 'gender-basics',
    nameVi: 'Kiến thức cơ bản về giới',
    nameEn: 'Gender basics',
    fields: [],
  },
  {
    key: 'gender-equality-law',
    nameVi: 'Luật Bình đẳng giới 2006 và văn bản hướng dẫn',
    nameEn: 'The Gender Equality Law 2006 and its implementing regulations',
    fields: allFields(),
  },
  {
    key: 'gender-mainstreaming',
    nameVi: 'Lồng ghép vấn đề bình đẳng giới',
    nameEn: 'Gender mainstreaming',
    fields: allFields(),
  },
  {
    key: 'ethnic-mountain-gender',
    nameVi: 'Vấn đề giới ở vùng đồng bào dân tộc thiểu số và miền núi',
    nameEn: 'Gender issues in ethnic-minority and mountain areas',
    fields: ['economy', 'education', 'culture', 'health', 'family'],
  },
  {
    key: 'union-skills',
    nameVi: 'Kỹ năng hoạt động công đoàn thúc đẩy bình đẳng giới',
    nameEn: 'Trade-union skills for promoting gender equality',
    fields: ['politics', 'labour'],
  },
  {
    key: 'digital-communication',
    nameVi: 'Ứng dụng công nghệ thông tin, chuyển đổi số trong tuyên truyền',
    nameEn: 'IT and digital transformation in awareness-raising',
    fields: ['science', 'culture'],
  },
  {
    key: 'gbv-prevention',
    nameVi: 'Phòng ngừa, ứng phó với bạo lực trên cơ sở giới',
    nameEn: 'Preventing and responding to gender-based violence',
    fields: ['labour', 'health', 'family'],
  },
  {
    key: 'domestic-violence',
    nameVi: 'Phòng, chống bạo lực gia đình',
    nameEn: 'Preventing domestic violence',
    fields: ['family'],
  },
  {
    key: 'workplace-harassment',
    nameVi: 'Phòng, chống quấy rối tình dục tại nơi làm việc',
    nameEn: 'Preventing sexual harassment at work',
    fields: ['labour'],
  },
  {
    key: 'reproductive-health',
    nameVi: 'Chăm sóc sức khỏe sinh sản',
    nameEn: 'Reproductive health care',
    fields: ['health'],
  },
  {
    key: 'population-family-children',
    nameVi: 'Dân số, gia đình, trẻ em',
    nameEn: 'Population, family and children',
    fields: ['health', 'family'],
  },
  {
    key: 'child-marriage',
    nameVi: 'Phòng, chống tảo hôn và hôn nhân cận huyết thống',
    nameEn: 'Preventing child marriage and consanguineous marriage',
    fields: ['health', 'family'],
  },
  {
    key: 'female-worker-policy',
    nameVi: 'Chế độ, chính sách đối với lao động nữ',
    nameEn: 'Entitlements and policies for women workers',
    fields: ['economy', 'labour'],
  },
  {
    key: 'women-advancement',
    nameVi: 'Vì sự tiến bộ của phụ nữ; phong trào "Giỏi việc nước, đảm việc nhà"',
    nameEn: 'Advancement of women; the "Good at work, good at home" movement',
    fields: ['politics', 'labour', 'family'],
  },
];
