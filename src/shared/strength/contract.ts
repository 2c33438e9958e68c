import { z } from 'zod';
import { output } from '../ipc/output';
import type { Layer } from './model';
import {
  graphSavePositionsInput,
  strengthContactInput,
  strengthDriftingInput,
  strengthGraphInput,
  strengthListInput,
  strengthPathInput,
  strengthSetParamsInput,
  strengthSetPinInput,
  type GraphData,
  type IntroPathDto,
  type StrengthDetail,
  type StrengthList,
  type StrengthParamsDto,
  type StrengthRow,
} from './schemas';

export const strengthContract = {
  'strength:list': { input: strengthListInput, output: output<StrengthList>() },
  'strength:contact': { input: strengthContactInput, output: output<StrengthDetail>() },
  'strength:graph': { input: strengthGraphInput, output: output<GraphData>() },
  'strength:path': { input: strengthPathInput, output: output<IntroPathDto | null>() },
  'strength:drifting': { input: strengthDriftingInput, output: output<StrengthRow[]>() },
  'strength:setPin': {
    input: strengthSetPinInput,
    output: output<{ contactId: number; pinnedLayer: Layer | null }>(),
  },
  'strength:getParams': { input: z.strictObject({}), output: output<StrengthParamsDto>() },
  'strength:setParams': { input: strengthSetParamsInput, output: output<StrengthParamsDto>() },
  'graph:savePositions': { input: graphSavePositionsInput, output: output<{ saved: number }>() },
};
