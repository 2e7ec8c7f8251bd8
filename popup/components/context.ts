import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PopupModel } from '../model';

export const ModelContext = createContext<PopupModel | null>(null);

export function useModel(): PopupModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('useModel outside ModelContext');
  return model;
}
