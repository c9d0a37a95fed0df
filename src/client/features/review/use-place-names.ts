// The province's name, and the commune's when the record did not keep the name as written, from the
// bundled administrative units. That module carries ~100 KB of data, so it loads only when needed.
import { useEffect, useState } from 'react';

export interface PlaceNames {
  province: string | undefined;
  commune: string | undefined;
}

export function usePlaceNames(provinceCode: string, communeCode: string | null | undefined): PlaceNames {
  const [names, setNames] = useState<PlaceNames>({ province: undefined, commune: undefined });
  useEffect(() => {
    let cancelled = false;
    void import('#domain/reference/admin-units').then(({ provinceByCode, communeByCode }) => {
      if (cancelled) return;
      setNames({
        province: provinceByCode(provinceCode)?.name,
        commune: communeCode ? communeByCode(communeCode)?.fullName : undefined,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [provinceCode, communeCode]);
  return names;
}
