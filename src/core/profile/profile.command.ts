import { defineCommand } from '../commands/command.ts';
import { failureReply } from '../commands/dispatch.ts';
import { choiceOption, integerOption, stringOption } from '../commands/options.ts';
import { type Reply, reply } from '../reply.ts';
import {
  ECFMG_VALUES,
  hasProfile,
  profileFields,
  STEP1_VALUES,
  STEP2CK_VALUES,
  VISA_VALUES,
} from './profile.ts';
import { readProfile, updateProfile } from './update-profile.ts';

const HOW_TO =
  'Set any part, e.g. /profile step1:passed step2ck:pending ecfmg:in-progress visa:visitor grad_year:2019 max_fee:1500 specialties:IM;FM states:NY;NJ match_year:2028. Forget a part with clear:<field> (or clear:all).';

/**
 * `/profile`: the member's eligibility profile. Alone it shows the profile;
 * with options it sets them (all optional). Listings are then marked with
 * what the member meets, and `/plan` builds their Match timeline from it.
 */
export const profileCommand = defineCommand({
  name: 'profile',
  description: 'Show or set your eligibility profile: USMLE, ECFMG, visa, budget, specialties, target Match',
  group: 'account',
  permission: 'member',
  personal: true,
  options: {
    step1: choiceOption({ description: 'USMLE Step 1', example: 'passed', choices: STEP1_VALUES }),
    step2ck: choiceOption({
      description: 'USMLE Step 2 CK (pending: taken, score not out yet)',
      example: 'pending',
      choices: STEP2CK_VALUES,
    }),
    ecfmg: choiceOption({
      description: 'ECFMG certification',
      example: 'in-progress',
      choices: ECFMG_VALUES,
    }),
    visa: choiceOption({
      description: 'Visa situation: visitor (B1/B2), work-authorized, other',
      example: 'visitor',
      choices: VISA_VALUES,
    }),
    grad_year: integerOption({
      description: 'Year you graduated (or will)',
      example: '2019',
      min: 1960,
      max: 2100,
    }),
    max_fee: integerOption({
      description: 'Largest fee in USD you can pay',
      example: '1500',
      min: 0,
      max: 100_000,
    }),
    specialties: stringOption({
      description: 'Specialties you want, separated by ;',
      example: 'IM;FM',
      maxLength: 200,
    }),
    states: stringOption({
      description: 'States you prefer, separated by ;',
      example: 'NY;NJ',
      maxLength: 200,
    }),
    match_year: integerOption({
      description: 'The Match you are aiming for',
      example: '2028',
      min: 2000,
      max: 2100,
    }),
    clear: stringOption({
      description: 'Fields to forget, separated by ; (all, step1, visa, max_fee, ...)',
      example: 'visa;max_fee',
      maxLength: 120,
    }),
  },
  examples: [
    '/profile',
    '/profile step1:passed step2ck:pending ecfmg:in-progress visa:visitor',
    '/profile grad_year:2019 max_fee:1500 specialties:IM;FM states:NY;NJ match_year:2028',
    '/profile clear:visa',
  ],
  async handler(input, ctx): Promise<Reply> {
    const userId = ctx.actor.userId;
    const changing = Object.values(input).some((v) => v !== undefined);
    if (!changing) {
      const profile = await readProfile(ctx.deps, userId);
      if (!hasProfile(profile)) {
        return reply({
          title: 'Your profile',
          text: `You have not set a profile yet. With one, every listing says whether you meet what it states, and /plan builds your Match timeline. ${HOW_TO}`,
          ephemeral: true,
        });
      }
      return reply({ title: 'Your profile', text: HOW_TO, fields: profileFields(profile), ephemeral: true });
    }
    const saved = await updateProfile(
      ctx.deps,
      userId,
      {
        step1: input.step1,
        step2ck: input.step2ck,
        ecfmg: input.ecfmg,
        visa: input.visa,
        gradYear: input.grad_year,
        maxFeeUsd: input.max_fee,
        specialties: input.specialties,
        states: input.states,
        matchYear: input.match_year,
        clear: input.clear,
      },
      ctx.now,
      ctx.zone,
    );
    if (!saved.ok) return failureReply(saved);
    const next = saved.value.matchYear !== undefined ? ' /plan shows your Match timeline.' : '';
    return reply({
      title: 'Profile saved',
      text: `Only you see this; /mydata export includes it and /mydata delete removes it.${next}`,
      fields: profileFields(saved.value),
      ephemeral: true,
    });
  },
});
